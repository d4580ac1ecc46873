/** Compact axis labels: 1.5k, 20M, 3B, 0.5. */
export function compactNumber(value: number): string {
  return new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(value);
}

/** Powers of ten covering [min, max], for log-scale axis ticks. */
export function powersOfTen(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) ticks.push(10 ** e);
  return ticks;
}

// Tick labels are drawn at 12 px (text-xs). Widths per character in em, generous enough for the wide system fonts
// (DejaVu Sans digits are 0.64 em, its % 0.95 em) so a label never runs off the svg's left edge.
const TICK_FONT_PX = 12;
const CHAR_EM: Record<string, number> = { "%": 0.95, ".": 0.32, ",": 0.32, " ": 0.32 };
const DEFAULT_CHAR_EM = 0.66;
// recharts draws the tick line (6 px) and a gap (2 px) between the label and the axis; 4 px keeps the label off the edge.
const TICK_LINE_AND_GAP_PX = 6 + 2 + 4;

/** How wide a label is at the axis font, in px (rounded up). */
export function tickLabelWidth(label: string): number {
  let em = 0;
  for (const char of label) em += CHAR_EM[char] ?? DEFAULT_CHAR_EM;
  return Math.ceil(em * TICK_FONT_PX);
}

/**
 * The width a y-axis needs for its widest tick label with its unit ("100%", "240s"). With an automatic domain the
 * top tick can be a round number above the largest value (95 → 100), so the label is sized for 1.5 × `max`.
 */
export function yAxisWidth(max: number, unit = "", automatic = false): number {
  const top = Math.ceil(Math.max(0, automatic ? max * 1.5 : max));
  return tickLabelWidth(`${top}${unit}`) + TICK_LINE_AND_GAP_PX;
}
