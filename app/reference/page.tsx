import type { Metadata } from "next";
import { ReferenceSheetView } from "@/components/reference/reference-sheet";
import type { ReferenceSheetData } from "@/components/reference/sheet-types";
import { getReferenceSheet } from "@/lib/reference";

export const metadata: Metadata = {
  title: "Reference",
  description:
    "Latency numbers, powers of two, time conversions, object sizes, bandwidth, the nines and cloud prices, for estimating.",
};

/** The reference sheet: the same for everyone, so no session is needed and visitors can read and print it. */
export default function ReferencePage() {
  const sheet: ReferenceSheetData = getReferenceSheet();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Reference sheet</h1>
        <p className="max-w-3xl text-muted">
          The numbers to estimate with. Every derived figure (downtime, seconds, per-second rates, monthly prices) is
          worked out by the same engine that grades your answers; current figures and prices name their source and year,
          and prices were checked in {sheet.checked}.
        </p>
      </header>
      <ReferenceSheetView sheet={sheet} />
    </div>
  );
}
