import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrillRunner } from "@/components/practice/drill-runner";
import { AttemptHistory } from "@/components/practice/attempt-history";
import { getCurrentUser } from "@/lib/auth";
import { getDrill, getLesson } from "@/lib/content";
import { listRecentAttempts, randomSeed, serveVariant } from "@/lib/progress";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const drill = getDrill((await params).id);
  return { title: drill ? drill.exercise.title : "Drill not found" };
}

export default async function DrillPage({ params }: Props) {
  const { id } = await params;
  const drill = getDrill(id);
  if (!drill) notFound();
  const user = await getCurrentUser();
  const variant = serveVariant(drill.id, randomSeed());
  if (!variant) notFound();
  const attempts = user ? await listRecentAttempts(user.id, drill.id, 10) : [];
  const lesson = getLesson(drill.lesson);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/practice" className="underline">
            Practice
          </Link>{" "}
          · {drill.code} · {drill.skill}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{drill.exercise.title}</h1>
        {lesson && (
          <p className="text-muted">
            Taught in{" "}
            <Link href={`/learn/${lesson.id}`} className="underline">
              {lesson.title}
            </Link>
            .
          </p>
        )}
      </header>
      <DrillRunner drillId={drill.id} initial={variant} />
      {user ? (
        <AttemptHistory
          attempts={attempts.map((a) => ({
            score: a.score,
            elapsedMs: a.elapsedMs,
            createdAt: a.createdAt.toISOString(),
            correct: a.correct,
          }))}
        />
      ) : (
        <p className="rounded-md bg-accent-soft p-3 text-sm">
          You are practising without an account: your runs are kept on this device.{" "}
          <Link href={`/sign-up?callbackUrl=/practice/${drill.id}`} className="underline">
            Sign up
          </Link>{" "}
          to keep them, see your history and get review cards for the steps you miss.
        </p>
      )}
    </div>
  );
}
