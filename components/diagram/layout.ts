// The pure geometry of an architecture diagram: nodes sit on a grid the author chooses (column, row), groups
// (regions, tiers) are boxes around their members, and each edge runs between the facing sides of its two nodes.

export type DiagramNode = {
  id: string;
  label: string;
  col: number;
  row: number;
  group?: string;
  kind?: "client" | "service" | "store" | "cache" | "queue" | "external";
};
export type DiagramEdge = { from: string; to: string; label?: string; dashed?: boolean };
export type DiagramGroup = { id: string; label: string };

export const CELL = { width: 190, height: 110 };
export const BOX = { width: 150, height: 50 };
const MARGIN = 24;
const GROUP_PAD = 14;
const GROUP_LABEL = 18;

export type Rect = { x: number; y: number; width: number; height: number };
export type PlacedNode = DiagramNode & Rect;
export type PlacedEdge = DiagramEdge & {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  labelX: number;
  labelY: number;
};
export type PlacedGroup = DiagramGroup & Rect;
export type DiagramLayout = {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  groups: PlacedGroup[];
};

function centre(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Where the line from a box's centre towards (x, y) leaves the box. */
function exitPoint(rect: Rect, towards: { x: number; y: number }): { x: number; y: number } {
  const c = centre(rect);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(
    dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * Places the nodes on their grid cells, draws each group around its members and each edge between box sides.
 * @throws Error when an edge or node names something that does not exist (an author mistake content:check reports).
 */
export function layoutDiagram(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  groups: readonly DiagramGroup[] = [],
): DiagramLayout {
  const placed = nodes.map((node): PlacedNode => ({
    ...node,
    x: MARGIN + node.col * CELL.width + (CELL.width - BOX.width) / 2,
    y: MARGIN + GROUP_LABEL + node.row * CELL.height + (CELL.height - BOX.height) / 2,
    width: BOX.width,
    height: BOX.height,
  }));
  const byId = new Map(placed.map((node) => [node.id, node]));
  const placedGroups = groups.map((group): PlacedGroup => {
    const members = placed.filter((node) => node.group === group.id);
    if (members.length === 0) throw new Error(`group "${group.id}" has no nodes`);
    const left = Math.min(...members.map((n) => n.x)) - GROUP_PAD;
    const top = Math.min(...members.map((n) => n.y)) - GROUP_PAD - GROUP_LABEL;
    const right = Math.max(...members.map((n) => n.x + n.width)) + GROUP_PAD;
    const bottom = Math.max(...members.map((n) => n.y + n.height)) + GROUP_PAD;
    return { ...group, x: left, y: top, width: right - left, height: bottom - top };
  });
  for (const node of placed) {
    if (node.group !== undefined && !groups.some((group) => group.id === node.group))
      throw new Error(`node "${node.id}" names an unknown group "${node.group}"`);
  }
  const placedEdges = edges.map((edge): PlacedEdge => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) throw new Error(`edge ${edge.from} → ${edge.to} names an unknown node`);
    const start = exitPoint(from, centre(to));
    const end = exitPoint(to, centre(from));
    return {
      ...edge,
      x1: start.x,
      y1: start.y,
      x2: end.x,
      y2: end.y,
      labelX: (start.x + end.x) / 2,
      labelY: (start.y + end.y) / 2 - 6,
    };
  });
  const cols = Math.max(0, ...nodes.map((n) => n.col)) + 1;
  const rows = Math.max(0, ...nodes.map((n) => n.row)) + 1;
  return {
    width: MARGIN * 2 + cols * CELL.width,
    height: MARGIN * 2 + GROUP_LABEL + rows * CELL.height,
    nodes: placed,
    edges: placedEdges,
    groups: placedGroups,
  };
}

/** The diagram in words, for screen readers and as the figure's text alternative: every node, group and edge. */
export function describeDiagram(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  groups: readonly DiagramGroup[] = [],
): string[] {
  const label = new Map(nodes.map((node) => [node.id, node.label]));
  const lines = groups.map(
    (group) =>
      `${group.label}: ${nodes
        .filter((n) => n.group === group.id)
        .map((n) => n.label)
        .join(", ")}.`,
  );
  for (const edge of edges) {
    lines.push(
      `${label.get(edge.from) ?? edge.from} → ${label.get(edge.to) ?? edge.to}${edge.label ? ` (${edge.label})` : ""}${edge.dashed ? ", asynchronous" : ""}.`,
    );
  }
  return lines;
}
