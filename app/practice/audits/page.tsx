import type { Metadata } from "next";
import Link from "next/link";
import { Audit } from "@/components/question/audit";
import { getCurrentUser } from "@/lib/auth";
import { getLesson, getQuestion, listAudits } from "@/lib/content";
import { nextAudit, serveQuestions } from "@/lib/progress";

export const metadata: Metadata = { title: "Spot the problem" };

type Props = { searchParams: Promise<{ after?: string | string[] }> };

/**
 * The audits drill: every spot-the-problem item of the lessons, one after another. It serves the next one the learner
 * has not yet answered right (in course order, after the one just done), or a random one once all are.
 */
export default async function AuditsDrillPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  const after = (await searchParams).after;
  const id = await nextAudit(user?.id ?? null, typeof after === "string" && getQuestion(after) ? after : null);
  // A drill starts fresh each time: no last answer is shown (the lesson shows it).
  const served = id ? (await serveQuestions(null, [id], "drill"))[id] : undefined;
  const entry = id ? getQuestion(id) : null;
  const lesson = entry ? getLesson(entry.lessonId) : null;
  const total = listAudits().length;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-muted">
          <Link href="/practice" className="underline">
            Practice
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Spot the problem</h1>
        <p className="text-muted">
          Each item is a worked estimate with one wrong line. Find it, then work out what the line should have given.{" "}
          {total} item{total === 1 ? "" : "s"} from the lessons.
        </p>
      </header>
      {served?.question.kind === "audit" ? (
        <>
          <Audit key={served.question.id} question={served.question} previous={null} source="drill" headingLevel={2} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            {lesson ? (
              <Link href={`/learn/${lesson.id}`} className="text-sm underline">
                From the lesson: {lesson.title}
              </Link>
            ) : (
              <span />
            )}
            <Link
              href={`/practice/audits?after=${encodeURIComponent(served.question.id)}`}
              className="btn-primary"
              prefetch={false}
            >
              Another one
            </Link>
          </div>
        </>
      ) : (
        <p className="card">No spot-the-problem items are written yet. They come with the lessons.</p>
      )}
    </div>
  );
}
