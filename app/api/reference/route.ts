import type { ReferenceSheetData } from "@/components/reference/sheet-types";
import { getReferenceSheet } from "@/lib/reference";

// The sheet is the same for everyone and changes only with a deploy: built once at build time, no session needed.
export const dynamic = "force-static";

/** The reference sheet as JSON, for the panel beside an exercise. */
export function GET(): Response {
  const sheet: ReferenceSheetData = getReferenceSheet();
  return Response.json(sheet, { headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" } });
}
