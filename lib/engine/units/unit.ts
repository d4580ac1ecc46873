import { COUNT, type Dimension } from "../dimension.ts";

/**
 * A unit: how many base units (bytes, seconds, dollars, plain count) it is worth, its dimension, the count label it
 * carries ("requests" for QPS and for "requests/day"), the text it is displayed with, and that text without count
 * labels ("/s" for QPS, "/day" for "requests/day", "" for "users"). One shape for a word of the unit table, a unit
 * expression an author wrote ("$/GB/month") and a unit read from an answer.
 */
export type Unit = {
  readonly factor: number;
  readonly dim: Dimension;
  readonly label: string;
  readonly text: string;
  readonly compactText: string;
};

/** No unit: a plain number. */
export const PLAIN_UNIT: Unit = Object.freeze({ factor: 1, dim: COUNT, label: "", text: "", compactText: "" });
