export type CalcProps = { expr: string; unit: string; sig?: number; text?: string };

/**
 * A number in a lesson, computed by the engine when the lesson is compiled (the `text` attribute is filled in by
 * lib/content's remark plugin). The formula is available on hover and to screen readers on request.
 */
export function Calc({ expr, text }: CalcProps) {
  return (
    <span className="whitespace-nowrap font-medium tabular-nums" title={`= ${expr}`}>
      {text ?? expr}
    </span>
  );
}
