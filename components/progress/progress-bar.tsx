export type ProgressBarProps = {
  label: string;
  done: number;
  total: number;
  /** what is counted, for screen readers: "lessons completed" unless said */
  counted?: string;
};

/** A labelled progress bar; the numbers are in the text, so it never depends on the bar alone. */
export function ProgressBar({ label, done, total, counted = "lessons completed" }: ProgressBarProps) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted">
          {done} of {total} {counted === "lessons completed" ? "done" : counted}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} ${counted}`}
        className="h-2 w-full overflow-hidden rounded-full bg-accent-soft"
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
