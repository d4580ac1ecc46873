import type { GivenPrompt } from "@/lib/engine/client";

export type GivensListProps = { givens: readonly GivenPrompt[]; className?: string };

/** The givens of an exercise as label and value pairs. */
export function GivensList({ givens, className = "" }: GivensListProps) {
  if (givens.length === 0) return null;
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm ${className}`}>
      {givens.map((given) => (
        <div key={given.name} className="contents">
          <dt className="text-muted">{given.label}</dt>
          <dd className="font-medium tabular-nums">{given.display}</dd>
        </div>
      ))}
    </dl>
  );
}
