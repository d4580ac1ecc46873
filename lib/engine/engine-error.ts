/**
 * What kind of author or code mistake an {@link EngineError} reports, so `content:check` and the CLI can
 * react without parsing the message.
 */
export type EngineErrorCode =
  | "syntax" // a formula or unit expression that cannot be parsed
  | "unknown-name" // a formula names a given, step or unit that does not exist
  | "unknown-unit" // a unit expression names a unit the engine does not know
  | "dimension-mismatch" // adding data to time, converting TB to ms, a step whose formula gives the wrong dimension
  | "not-finite" // a formula that divides by zero or overflows
  | "invalid-argument" // a bad seed, tolerance or function argument
  | "invalid-spec"; // an exercise spec that does not validate

/**
 * A mistake of the code or of a content author: a formula that does not parse, an unknown unit, a dimension
 * mismatch in a formula, an exercise spec that does not validate. Learner input never throws; it comes back as
 * data (`{ ok: false }`, verdict `unreadable` or `wrong-dimension`).
 *
 * `position` is the character offset in the formula or unit expression where the problem was found, when known.
 */
export class EngineError extends Error {
  override readonly name = "EngineError";
  readonly code: EngineErrorCode;
  readonly position: number | undefined;

  constructor(code: EngineErrorCode, message: string, position?: number) {
    super(message);
    this.code = code;
    this.position = position;
  }
}
