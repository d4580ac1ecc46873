import { describe, expect, test } from "vitest";
import {
  BOX,
  CELL,
  describeDiagram,
  layoutDiagram,
  type DiagramEdge,
  type DiagramGroup,
  type DiagramNode,
} from "@/components/diagram/layout";

const nodes: DiagramNode[] = [
  { id: "client", label: "Browser", col: 0, row: 0, kind: "client" },
  { id: "api", label: "API", col: 1, row: 0, group: "region" },
  { id: "db", label: "Database", col: 1, row: 1, group: "region", kind: "store" },
];
const edges: DiagramEdge[] = [
  { from: "client", to: "api", label: "HTTPS" },
  { from: "api", to: "db", dashed: true },
];
const groups: DiagramGroup[] = [{ id: "region", label: "EU region" }];

describe("the diagram's layout", () => {
  const layout = layoutDiagram(nodes, edges, groups);

  test("nodes sit on their grid cells, centred", () => {
    const api = layout.nodes.find((n) => n.id === "api");
    const client = layout.nodes.find((n) => n.id === "client");
    expect(api && client && api.x - client.x).toBe(CELL.width);
    expect(api?.width).toBe(BOX.width);
  });

  test("an edge runs from the side of one box to the facing side of the other", () => {
    const across = layout.edges[0];
    const client = layout.nodes[0];
    const api = layout.nodes[1];
    expect(across?.x1).toBeCloseTo((client?.x ?? 0) + BOX.width, 6);
    expect(across?.x2).toBeCloseTo(api?.x ?? 0, 6);
    const down = layout.edges[1];
    expect(down?.y1).toBeCloseTo((api?.y ?? 0) + BOX.height, 6);
  });

  test("a group wraps all its members", () => {
    const group = layout.groups[0];
    for (const member of layout.nodes.filter((n) => n.group === "region")) {
      expect(member.x).toBeGreaterThan(group?.x ?? Infinity);
      expect(member.y + member.height).toBeLessThan((group?.y ?? 0) + (group?.height ?? 0));
    }
  });

  test.each([
    { label: "an edge to a missing node", e: [{ from: "api", to: "nowhere" }], g: groups, message: /unknown node/ },
    { label: "a node in a missing group", e: edges, g: [], message: /unknown group/ },
  ])("$label is an author mistake", ({ e, g, message }) => {
    expect(() => layoutDiagram(nodes, e, g)).toThrow(message);
  });

  test("the text alternative names every group, node and edge", () => {
    expect(describeDiagram(nodes, edges, groups)).toEqual([
      "EU region: API, Database.",
      "Browser → API (HTTPS).",
      "API → Database, asynchronous.",
    ]);
  });
});
