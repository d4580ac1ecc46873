import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { listCaseEntries, stepTitle, type CaseEntry } from "@/lib/content";
import { listCaseStatus } from "@/lib/progress";

export const metadata: Metadata = { title: "Case studies" };

function statusText(status: { step: string; completedAt: Date | null } | undefined): string {
  if (!status) return "Not started";
  if (status.step === "done") return "Done";
  return `In progress: ${stepTitle(status.step)}`;
}

export default async function CasesPage() {
  const user = await requireUser("/cases");
  const cases: CaseEntry[] = listCaseEntries();
  const status = new Map((await listCaseStatus(user.id)).map((row) => [row.caseId, row]));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Case studies</h1>
        <p className="max-w-2xl text-muted">
          Practice interviews, stage by stage: requirements, estimation, API, design, a deep dive, failure modes and a
          wrap-up. You work each stage first, then reveal the reference and check yourself against its key points.
        </p>
      </header>
      {cases.length === 0 ? (
        <p className="text-muted">No case studies are published yet.</p>
      ) : (
        <ol className="grid gap-3">
          {cases.map((entry) => {
            const row = status.get(entry.id);
            return (
              <li key={entry.id}>
                <Link href={`/cases/${entry.id}`} className="card block hover:border-accent">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">{entry.title}</span>
                    <span className="text-sm text-muted">
                      {entry.code} · {entry.difficulty} · {statusText(row)}
                      {row?.best != null ? ` · best ${Math.round(row.best * 100)}%` : ""}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-muted">{entry.summary}</p>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
