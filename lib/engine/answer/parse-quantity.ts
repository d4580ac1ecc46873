import type { Quantity } from "../quantity.ts";
import { parseUnit } from "../units/parse-unit.ts";
import { readAnswer } from "./read-answer.ts";

/** What {@link parseQuantity} returns: the quantity and how it was read, or why it could not be read. */
export type ParseResult =
  | { ok: true; quantity: Quantity; read: string }
  | { ok: false; error: string; reason: "unreadable" | "wrong-dimension" };

/**
 * Reads what a learner or an author typed: every whiteboard number form (46296, 46,296, 4.6e4, 4.6×10^4, 10^5,
 * 2^21, 46k, 4.6M, 3bn, 1.2T, 46 thousand, 2.5mil, 2.5MM, 2.5 millions, half a million, ~46k, about 46k, 99.9%, 1/3),
 * with a unit (3 TB/day, 3TB/24h, 3 TB daily, 1.4 Gbps, 10 Gbits/s, 500 megabytes, 12k QPS, 34.7MB/S,
 * $500/month, 43 minutes), or as a range (30k-80k, 30k to 80k, 30k–80k). A trailing "peak" or "avg" is ignored,
 * every Unicode space reads as a space, and zero-width characters pasted in with the answer are ignored.
 *
 * `expect` is a unit expression stating what the question asks for, and a bare number is read in that unit. It
 * decides whether `B` means bytes (data expected) or billion (anything else); on a step asked in data a lone size
 * letter is a prefix of the unit asked, as `du -h` writes sizes ("500M" on a GB step is 500 MB); on a step asked in a
 * time "1:30" is a clock time (m:ss in seconds or minutes, h:mm in hours or days), never the ratio 1/30. The echo
 * says which reading was taken ("read as 0.5 GB (M as in MB, not million)"). An answer of another dimension is
 * `{ ok: false, reason: "wrong-dimension" }` with a message naming both dimensions; every message is at most 200
 * characters, quoting a long answer by its start. Never throws on the answer.
 * @throws EngineError only when `expect` itself is not a unit expression (an author mistake).
 * @example parseQuantity("3B", { expect: "requests/day" }) // { ok: true, read: "read as 3,000,000,000 requests/day", … }
 * @example parseQuantity("3 TB", { expect: "ms" }) // { ok: false, error: "Read 3 TB (data); this step asks for a time.", … }
 */
export function parseQuantity(text: string, options: { expect?: string } = {}): ParseResult {
  const expect = options.expect === undefined ? null : parseUnit(options.expect);
  const reading = readAnswer(text, expect);
  if (reading.kind === "ok") return { ok: true, quantity: reading.quantity, read: reading.read };
  return { ok: false, error: reading.message, reason: reading.kind };
}
