export type FlowProps = { alt: string; steps: string[]; caption?: string };

/** A left-to-right chain of boxes (top to bottom on a phone). The list is the accessible form; arrows are decoration. */
export function Flow({ alt, steps, caption }: FlowProps) {
  return (
    <figure className="my-6">
      <ol aria-label={alt} className="flex flex-col items-stretch gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        {steps.map((step, i) => (
          <li key={`${i}-${step}`} className="flex items-center gap-2 sm:flex-none">
            <span className="flex-1 rounded-md border border-border bg-surface px-3 py-2 text-center text-sm font-medium shadow-sm">
              {step}
            </span>
            {i < steps.length - 1 && (
              <span aria-hidden="true" className="text-muted">
                <span className="hidden sm:inline">→</span>
                <span className="sm:hidden">↓</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <figcaption className="mt-2 text-sm text-muted">{caption ?? alt}</figcaption>
    </figure>
  );
}
