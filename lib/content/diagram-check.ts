import { z } from "zod";

// <Diagram nodes={[…]} edges={[…]} groups={[…]} /> in MDX: the attributes are written as JSON (quoted keys) so that
// content:check can read them without running the file, and a diagram that names a missing node fails the check
// instead of the page.

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "ids are kebab-case" });
const nodesSchema = z
  .array(
    z.strictObject({
      id,
      label: z.string().min(1).max(24, { message: "a box label fits in about 24 characters" }),
      col: z.number().int().min(0).max(5),
      row: z.number().int().min(0).max(8),
      group: id.optional(),
      kind: z.enum(["client", "service", "store", "cache", "queue", "external"]).optional(),
    }),
  )
  .min(2);
const edgesSchema = z
  .array(z.strictObject({ from: id, to: id, label: z.string().max(32).optional(), dashed: z.boolean().optional() }))
  .min(1);
const groupsSchema = z.array(z.strictObject({ id, label: z.string().min(1).max(40) }));

function readJson(text: string | undefined, name: string): { value?: unknown; problem?: string } {
  if (text === undefined) return {};
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: `<Diagram ${name}={…}> must be written as JSON (quoted keys and strings)` };
  }
}

/** Problems with one diagram's attributes (their expression text), or none. */
export function checkDiagram(attributes: { nodes?: string; edges?: string; groups?: string }): string[] {
  const problems: string[] = [];
  const read = (name: "nodes" | "edges" | "groups") => {
    const result = readJson(attributes[name], name);
    if (result.problem) problems.push(result.problem);
    return result.value;
  };
  const nodes = nodesSchema.safeParse(read("nodes"));
  const edges = edgesSchema.safeParse(read("edges"));
  const groupsValue = read("groups");
  const groups = groupsSchema.safeParse(groupsValue ?? []);
  for (const [name, result] of [
    ["nodes", nodes],
    ["edges", edges],
    ["groups", groups],
  ] as const) {
    if (!result.success)
      problems.push(
        ...result.error.issues.map((issue) => `<Diagram ${name}> ${issue.path.join(".")}: ${issue.message}`),
      );
  }
  if (!nodes.success || !edges.success || !groups.success) return problems;
  const nodeIds = new Set<string>();
  const cells = new Set<string>();
  for (const node of nodes.data) {
    if (nodeIds.has(node.id)) problems.push(`<Diagram> node "${node.id}" appears twice`);
    nodeIds.add(node.id);
    const cell = `${node.col},${node.row}`;
    if (cells.has(cell))
      problems.push(`<Diagram> node "${node.id}" sits on a cell already taken (column ${node.col}, row ${node.row})`);
    cells.add(cell);
    if (node.group !== undefined && !groups.data.some((group) => group.id === node.group))
      problems.push(`<Diagram> node "${node.id}" names an unknown group "${node.group}"`);
  }
  for (const edge of edges.data) {
    for (const end of [edge.from, edge.to])
      if (!nodeIds.has(end)) problems.push(`<Diagram> edge ${edge.from} → ${edge.to} names an unknown node "${end}"`);
  }
  for (const group of groups.data) {
    if (!nodes.data.some((node) => node.group === group.id))
      problems.push(`<Diagram> group "${group.id}" has no nodes`);
  }
  return problems;
}
