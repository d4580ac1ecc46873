export type ReviewHeatmapProps = { days: { day: string; count: number }[] };

function level(count: number, max: number): number {
  if (count === 0) return 0;
  return Math.min(4, Math.ceil((count / Math.max(1, max)) * 4));
}

const shades = ["bg-border/40", "bg-accent/30", "bg-accent/55", "bg-accent/80", "bg-accent"];

/**
 * A calendar of the last year, one square per day, darker for more reviews (each square names its date and count on
 * hover). Screen readers get the summary and the busiest days instead of 365 squares.
 */
export function ReviewHeatmap({ days }: ReviewHeatmapProps) {
  const max = Math.max(0, ...days.map((d) => d.count));
  const active = days.filter((d) => d.count > 0);
  const first = days[0];
  const leading = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0; // Monday-first rows
  const busiest = [...active].sort((a, b) => b.count - a.count).slice(0, 3);
  return (
    <figure className="space-y-2">
      <p className="sr-only">
        {active.length === 0
          ? "No reviews in the last year."
          : `Reviews on ${active.length} of the last ${days.length} days; busiest: ${busiest.map((d) => `${d.day} (${d.count})`).join(", ")}.`}
      </p>
      {/*
        The year is wider than a phone, so it scrolls inside its own box (the page never does). dir="rtl" makes it start
        scrolled to its right end, where the latest weeks are. The box takes keyboard focus so it can be scrolled with the
        arrow keys; the squares themselves are hidden from screen readers, which get the summary above.
      */}
      <div
        role="region"
        aria-label="Reviews per day over the last year, latest weeks shown first (scroll for earlier weeks)"
        tabIndex={0}
        dir="rtl"
        className="max-w-full overflow-x-auto pb-1"
      >
        <div aria-hidden="true" dir="ltr" className="grid w-max grid-flow-col grid-rows-7 gap-[3px]">
          {Array.from({ length: leading }, (_, i) => (
            <span key={`pad-${i}`} className="h-3 w-3" />
          ))}
          {days.map((d) => (
            <span
              key={d.day}
              title={`${d.day}: ${d.count} review${d.count === 1 ? "" : "s"}`}
              className={`h-3 w-3 rounded-[2px] ${shades[level(d.count, max)]}`}
            />
          ))}
        </div>
      </div>
      <figcaption className="flex items-center gap-2 text-xs text-muted">
        Less
        {shades.map((shade) => (
          <span key={shade} aria-hidden="true" className={`inline-block h-3 w-3 rounded-[2px] ${shade}`} />
        ))}
        More
      </figcaption>
    </figure>
  );
}
