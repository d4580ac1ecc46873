import type { ReactNode } from "react";

export type CalloutProps = {
  kind?: "note" | "tip" | "warning" | "source-slip";
  title?: string;
  children: ReactNode;
};

const styles = {
  note: { label: "Note", className: "border-border bg-surface" },
  tip: { label: "Tip", className: "border-success bg-success-soft" },
  warning: { label: "Watch out", className: "border-warning bg-warning-soft" },
  "source-slip": { label: "A number often quoted wrong", className: "border-danger bg-danger-soft" },
} satisfies Record<NonNullable<CalloutProps["kind"]>, { label: string; className: string }>;

/** An aside in a lesson. The kind is named in words, never by colour alone. */
export function Callout({ kind = "note", title, children }: CalloutProps) {
  const style = styles[kind];
  return (
    <aside className={`my-6 rounded-md border-l-4 p-4 ${style.className}`} aria-label={title ?? style.label}>
      <p className="mb-1 text-sm font-semibold">
        {style.label}
        {title ? `: ${title}` : ""}
      </p>
      <div className="text-[0.95rem] [&>p]:my-1">{children}</div>
    </aside>
  );
}
