import type { Metadata } from "next";
import { DrillCard } from "@/components/practice/drill-card";
import { getCurrentUser } from "@/lib/auth";
import { listAudits, listDrillCatalogue, listDrills, listLessons } from "@/lib/content";
import { describeCalibration } from "@/lib/engine";
import { getCalibrationSummary, listExerciseStats } from "@/lib/progress";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  // Visitors practise too; runs and calibration are shown to a signed-in learner.
  const user = await getCurrentUser();
  const drills = listDrills();
  const lessons = listLessons();
  const [stats, calibration] = user
    ? await Promise.all([
        listExerciseStats(
          user.id,
          drills.map((d) => d.id),
        ),
        getCalibrationSummary(user.id),
      ])
    : [[], null];
  const byId = new Map(stats.map((s) => [s.exerciseId, s]));
  const groups = lessons
    .map((lesson) => ({ lesson, drills: drills.filter((d) => d.lesson === lesson.id && !d.calibration) }))
    .filter((group) => group.drills.length > 0);
  const calibrationDrills = drills.filter((d) => d.calibration);
  const playable = new Set(drills.map((d) => d.code));
  const audits = listAudits().length;
  const comingLater = listDrillCatalogue().filter((entry) => !playable.has(entry.code));

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Practice</h1>
        <p className="max-w-2xl text-muted">
          Unlimited drills: every run brings fresh numbers, graded on the spot with a worked solution. Aim for the right
          answer in under two minutes.
        </p>
      </header>
      {audits > 0 && (
        <section aria-labelledby="spot-the-problem" className="space-y-3">
          <h2 id="spot-the-problem" className="text-xl font-semibold">
            Spot the problem
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            <li>
              <DrillCard
                id="audits"
                title="Spot the problem"
                skill="Find the wrong line in a worked estimate, then put it right"
                detail={`${audits} worked estimate${audits === 1 ? "" : "s"} from the lessons`}
              />
            </li>
          </ul>
        </section>
      )}
      {drills.length === 0 && <p className="card">No drills are installed yet. Add some under content/drills.</p>}
      {groups.map(({ lesson, drills: group }) => (
        <section key={lesson.id} aria-labelledby={`drills-${lesson.id}`} className="space-y-3">
          <h2 id={`drills-${lesson.id}`} className="text-xl font-semibold">
            {lesson.title}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {group.map((drill) => {
              const stat = byId.get(drill.id);
              return (
                <li key={drill.id}>
                  <DrillCard
                    id={drill.id}
                    code={drill.code}
                    title={drill.exercise.title}
                    skill={drill.skill}
                    detail={
                      stat
                        ? `${stat.attempts} run${stat.attempts === 1 ? "" : "s"} · last ${Math.round(stat.lastScore * 100)}%`
                        : "Not tried yet"
                    }
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {calibrationDrills.length > 0 && (
        <section aria-labelledby="calibration" className="space-y-3">
          <h2 id="calibration" className="text-xl font-semibold">
            Calibration
          </h2>
          <p className="max-w-2xl text-muted">
            Some numbers you cannot work out, only bracket. Give a range you are 80% sure of; over many answers, about 8
            in 10 of your ranges should hold the true value.
          </p>
          {calibration && (
            <p className="card" aria-live="polite">
              {describeCalibration(calibration)}
            </p>
          )}
          <ul className="grid gap-3 sm:grid-cols-2">
            {calibrationDrills.map((drill) => (
              <li key={drill.id}>
                <DrillCard id={drill.id} title={drill.exercise.title} skill={drill.skill} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {comingLater.length > 0 && (
        <section aria-labelledby="coming-later" className="space-y-3">
          <h2 id="coming-later" className="text-xl font-semibold">
            Coming with later lessons
          </h2>
          <ul className="grid gap-2 text-sm sm:grid-cols-2">
            {comingLater.map((entry) => (
              <li key={entry.code} className="rounded-md border border-dashed border-border px-3 py-2">
                <span className="font-semibold text-muted">{entry.code}</span> {entry.title}
                <span className="block text-muted">with the {entry.lesson.replace(/-/g, " ")} lesson</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
