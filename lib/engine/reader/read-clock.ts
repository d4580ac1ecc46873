import { CHAR, digitAt, isDigit } from "./scanner.ts";

/**
 * A clock time as written: "1:30" is `[1, 30]`, "1:30:00" `[1, 30, 0]`; the last field may have decimals ("1:30.5").
 * What the fields are worth (m:ss or h:mm) is the caller's to decide.
 */
export type ClockRead = { readonly fields: readonly number[]; readonly end: number };

// A field after a colon has two digits below 60: "1:3" and "1:75" are no clock times.
const SIXTY = 60;

function twoDigits(src: string, i: number): number {
  if (!isDigit(src.charCodeAt(i)) || !isDigit(src.charCodeAt(i + 1)) || isDigit(src.charCodeAt(i + 2))) return -1;
  const value = digitAt(src, i) * 10 + digitAt(src, i + 1);
  return value < SIXTY ? value : -1;
}

/**
 * Reads a clock time at `start`: digits, a colon, two digits below 60, and optionally a colon and two more
 * ("1:30", "01:30", "1:30:00", "0:45.5"). Null when the text there is not one ("1:3", "1:75", "1.5:30", "1:30:00:00").
 * @example readClock("1:30 min", 0) // { fields: [1, 30], end: 4 }
 */
export function readClock(src: string, start: number): ClockRead | null {
  let i = start;
  let first = 0;
  while (isDigit(src.charCodeAt(i))) first = first * 10 + digitAt(src, i++);
  if (i === start || src.charCodeAt(i) !== CHAR.colon) return null;
  const fields = [first];
  for (;;) {
    const field = twoDigits(src, i + 1);
    if (field < 0) return null;
    fields.push(field);
    i += 3;
    if (src.charCodeAt(i) !== CHAR.colon) break;
    if (fields.length === 3) return null;
  }
  if (src.charCodeAt(i) === CHAR.dot && isDigit(src.charCodeAt(i + 1))) {
    const dot = i;
    for (i++; isDigit(src.charCodeAt(i));) i++;
    fields[fields.length - 1] = (fields[fields.length - 1] ?? 0) + Number(`0${src.slice(dot, i)}`);
  }
  return { fields, end: i };
}
