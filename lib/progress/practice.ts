import "server-only";
import { summariseCalibration, type CalibrationSummary } from "@/lib/engine";
import { db } from "./db";

export type DrillStat = { exerciseId: string; attempts: number; lastScore: number; lastAt: Date; bestScore: number };

/** Per exercise the learner has attempted: how often, the last and best score. */
export async function listExerciseStats(userId: string, exerciseIds: string[]): Promise<DrillStat[]> {
  if (exerciseIds.length === 0) return [];
  const rows = await db().$queryRaw<
    { exerciseId: string; attempts: bigint; lastScore: number; lastAt: Date; bestScore: number }[]
  >`
    SELECT DISTINCT ON ("exerciseId")
      "exerciseId",
      count(*) OVER (PARTITION BY "exerciseId") AS attempts,
      score AS "lastScore",
      "createdAt" AS "lastAt",
      max(score) OVER (PARTITION BY "exerciseId") AS "bestScore"
    FROM "Attempt"
    WHERE "userId" = ${userId}::uuid AND "exerciseId" = ANY(${exerciseIds})
    ORDER BY "exerciseId", "createdAt" DESC`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/** Of the learner's 80 % ranges (calibration steps, in lessons and drills), how many held the true value. */
export async function getCalibrationSummary(userId: string): Promise<CalibrationSummary> {
  const rows = await db().$queryRaw<{ held: boolean; logWidth: number }[]>`
    SELECT (step->>'held')::boolean AS held, (step->>'logWidth')::float8 AS "logWidth"
    FROM "Attempt", jsonb_array_elements(steps) AS step
    WHERE "userId" = ${userId}::uuid AND step ? 'held'`;
  return summariseCalibration(rows);
}
