import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { getDrill } from "@/lib/content";
import { recordAttempt, serveVariant } from "@/lib/progress";

/** A run of a drill at seed 0 with only its first step answered, "1": a miss on the drill's skill, stored at `at`. */
export async function missDrillFirstStep(userId: string, drillId: string, at: Date): Promise<void> {
  const served = serveVariant(drillId, 0);
  const firstStep = getDrill(drillId)?.exercise.steps[0]?.id ?? "";
  const result = await recordAttempt(
    userId,
    {
      clientId: randomUUID(),
      exerciseId: drillId,
      seed: 0,
      token: served?.token ?? "",
      source: "drill",
      answers: { [firstStep]: "1" },
      elapsedMs: 30_000,
    },
    at,
  );
  expect(result.ok).toBe(true);
}
