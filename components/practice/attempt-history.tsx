import { ScoreTrend } from "@/components/charts/score-trend";

export type AttemptHistoryProps = {
  attempts: { score: number; elapsedMs: number; createdAt: string; correct: boolean }[];
};

function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The learner's last runs of a drill, newest first, with the trend of score and time. */
export function AttemptHistory({ attempts }: AttemptHistoryProps) {
  return (
    <section aria-labelledby="history" className="space-y-3">
      <h2 id="history" className="text-xl font-semibold">
        Your last runs
      </h2>
      {attempts.length === 0 ? (
        <p className="text-muted">No runs yet. Your score and time for each run will appear here.</p>
      ) : (
        <>
          {attempts.length >= 2 && (
            <ScoreTrend
              points={[...attempts].reverse().map((a, i) => ({
                run: i + 1,
                score: Math.round(a.score * 100),
                seconds: Math.round(a.elapsedMs / 1000),
              }))}
            />
          )}
          <table className="w-full text-sm">
            <caption className="sr-only">Your last runs of this drill, newest first</caption>
            <thead>
              <tr className="border-b border-border text-left">
                <th scope="col" className="py-2">
                  When
                </th>
                <th scope="col" className="py-2 text-right">
                  Score
                </th>
                <th scope="col" className="py-2 text-right">
                  Time
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.createdAt} className="border-b border-border">
                  <td className="py-2">
                    {new Date(a.createdAt).toLocaleString("en-GB", {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: "UTC",
                    })}{" "}
                    UTC
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {Math.round(a.score * 100)}% {a.correct ? "✓" : ""}
                  </td>
                  <td className="py-2 text-right tabular-nums">{formatSeconds(a.elapsedMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
