import { checkDatabaseHealth } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** `{ db: "ok", migrations: "current" }`, or 503 with what is wrong. */
export async function GET(): Promise<Response> {
  const health = await checkDatabaseHealth();
  const ok = health.db === "ok" && health.migrations === "current";
  return Response.json(health, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
