// The estimation reference sheet: latency numbers, powers of two, time conversions, object sizes, bandwidth,
// availability and cloud prices. Pure data and derived rows, no React: every derived figure is computed with the
// engine when the sheet is built, so the page, GET /api/reference and the panel beside an exercise show one sheet.

import { availabilityTable } from "./availability";
import { bandwidthTable } from "./bandwidth";
import { costsTable } from "./costs";
import { latencyTable } from "./latency";
import { powersOfTwoTable } from "./powers-of-two";
import { sizesTable } from "./sizes";
import { CHECKED } from "./sources";
import { timeTable } from "./time";
import type { ReferenceSheet } from "./types";

export { CHECKED, SOURCES } from "./sources";
export { compute, type Computed } from "./compute";
export type { ReferenceColumn, ReferenceRow, ReferenceSheet, ReferenceSource, ReferenceTable } from "./types";
export { availabilityTable, bandwidthTable, costsTable, latencyTable, powersOfTwoTable, sizesTable, timeTable };

/** Builds the whole sheet. Pure and deterministic; {@link getReferenceSheet} keeps one copy per process. */
export function buildReferenceSheet(): ReferenceSheet {
  return {
    checked: CHECKED,
    tables: [
      latencyTable(),
      powersOfTwoTable(),
      timeTable(),
      sizesTable(),
      bandwidthTable(),
      availabilityTable(),
      costsTable(),
    ],
  };
}

let built: ReferenceSheet | undefined;

/** The sheet, built once: it is the same for every visitor. */
export function getReferenceSheet(): ReferenceSheet {
  built ??= buildReferenceSheet();
  return built;
}
