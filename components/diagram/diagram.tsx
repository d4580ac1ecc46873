import { describeDiagram, layoutDiagram, type DiagramEdge, type DiagramGroup, type DiagramNode } from "./layout";

export type DiagramProps = {
  /** the point of the figure in one sentence ("Redirects are served from the cache; the database sees only misses") */
  alt: string;
  caption?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  groups?: DiagramGroup[];
};

const KIND_FILL: Record<NonNullable<DiagramNode["kind"]>, string> = {
  client: "var(--surface)",
  service: "var(--accent-soft)",
  store: "var(--success-soft)",
  cache: "var(--warning-soft)",
  queue: "var(--danger-soft)",
  external: "var(--surface)",
};

/**
 * An architecture diagram: boxes on a grid, arrows with labels, groups such as regions or tiers. SVG drawn with the
 * theme's colours (legible in light and dark); on a phone it keeps its size and scrolls sideways inside its frame.
 * The list under it states every node and edge, so the figure never depends on seeing it.
 */
export function Diagram({ alt, caption, nodes, edges, groups = [] }: DiagramProps) {
  const layout = layoutDiagram(nodes, edges, groups);
  const words = describeDiagram(nodes, edges, groups);
  return (
    <figure className="my-6">
      <div
        className="overflow-x-auto rounded-md border border-border bg-background"
        tabIndex={0}
        role="group"
        aria-label={`${alt} (scrolls sideways)`}
      >
        {/* Scales down to the column on wide screens; below its minimum width it keeps its size and scrolls sideways. */}
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={alt}
          className="block h-auto w-full"
          style={{ minWidth: Math.min(layout.width, 560) }}
        >
          <defs>
            <marker
              id="diagram-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="var(--muted)" />
            </marker>
          </defs>
          {layout.groups.map((group) => (
            <g key={group.id}>
              <rect
                x={group.x}
                y={group.y}
                width={group.width}
                height={group.height}
                rx={10}
                fill="none"
                stroke="var(--border)"
                strokeDasharray="6 4"
              />
              <text x={group.x + 10} y={group.y + 14} fontSize={12} fill="var(--muted)" fontWeight={600}>
                {group.label}
              </text>
            </g>
          ))}
          {layout.edges.map((edge) => (
            <g key={`${edge.from}-${edge.to}`}>
              <line
                x1={edge.x1}
                y1={edge.y1}
                x2={edge.x2}
                y2={edge.y2}
                stroke="var(--muted)"
                strokeWidth={1.5}
                strokeDasharray={edge.dashed ? "5 4" : undefined}
                markerEnd="url(#diagram-arrow)"
              />
              {edge.label && (
                <text
                  x={edge.labelX}
                  y={edge.labelY}
                  fontSize={11}
                  textAnchor="middle"
                  fill="var(--foreground)"
                  paintOrder="stroke"
                  stroke="var(--background)"
                  strokeWidth={4}
                >
                  {edge.label}
                </text>
              )}
            </g>
          ))}
          {layout.nodes.map((node) => (
            <g key={node.id}>
              <rect
                x={node.x}
                y={node.y}
                width={node.width}
                height={node.height}
                rx={node.kind === "store" ? 14 : 6}
                fill={KIND_FILL[node.kind ?? "service"]}
                stroke="var(--foreground)"
                strokeWidth={1}
              />
              <text
                x={node.x + node.width / 2}
                y={node.y + node.height / 2 + 4}
                fontSize={13}
                textAnchor="middle"
                fill="var(--foreground)"
              >
                {node.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-muted">{caption ?? alt}</figcaption>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-muted">The diagram in words</summary>
        <ul className="mt-1 list-disc pl-5">
          {words.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
