import { describe, expect, test } from "vitest";
import { checkDiagram } from "@/lib/content";

const nodes = JSON.stringify([
  { id: "a", label: "API", col: 0, row: 0 },
  { id: "b", label: "DB", col: 1, row: 0, group: "g" },
]);
const edges = JSON.stringify([{ from: "a", to: "b", label: "SQL" }]);
const groups = JSON.stringify([{ id: "g", label: "Data tier" }]);

describe("content:check reads <Diagram> attributes", () => {
  test("a well-formed diagram has no problems", () => {
    expect(checkDiagram({ nodes, edges, groups })).toEqual([]);
  });

  test.each([
    { label: "JavaScript instead of JSON", attrs: { nodes: "[{ id: 'a' }]", edges }, says: /must be written as JSON/ },
    {
      label: "an edge to a missing node",
      attrs: { nodes, edges: JSON.stringify([{ from: "a", to: "z" }]), groups },
      says: /unknown node "z"/,
    },
    {
      label: "two nodes on one cell",
      attrs: {
        nodes: JSON.stringify([
          { id: "a", label: "A", col: 0, row: 0 },
          { id: "b", label: "B", col: 0, row: 0 },
        ]),
        edges: JSON.stringify([{ from: "a", to: "b" }]),
      },
      says: /cell already taken/,
    },
    {
      label: "a group with no nodes",
      attrs: {
        nodes,
        edges,
        groups: JSON.stringify([
          { id: "g", label: "G" },
          { id: "h", label: "H" },
        ]),
      },
      says: /group "h" has no nodes/,
    },
    {
      label: "a label too long for its box",
      attrs: {
        nodes: JSON.stringify([
          { id: "a", label: "A very long label for a small box", col: 0, row: 0 },
          { id: "b", label: "B", col: 1, row: 0 },
        ]),
        edges,
      },
      says: /about 24 characters/,
    },
  ])("$label", ({ attrs, says }) => {
    expect(checkDiagram(attrs).join("\n")).toMatch(says);
  });
});
