// The floor endpoints `npm run bench` adds to its copy of the project (never to the project itself): what the framework
// and the database cost with none of Envelope's work, so each page and write is read as a ratio to its floor.

/** Written into the copy, path → file text. */
export const FLOOR_FILES: Record<string, string> = {
  // A static file, served by Next from public/.
  "public/bench-floor.txt": "floor\n",

  // A blank page, prerendered at build time: the least any page can cost.
  "app/bench-floor/blank/page.tsx": `export const dynamic = "force-static";

export default function BlankFloor() {
  return <p>floor</p>;
}
`,

  // A dynamic page that reads the session and one row: the least a signed-in page can cost.
  "app/bench-floor/dynamic/page.tsx": `import { requireUser } from "@/lib/auth";
import { getSettings } from "@/lib/progress";

export const dynamic = "force-dynamic";

export default async function DynamicFloor() {
  const user = await requireUser("/bench-floor/dynamic");
  const settings = await getSettings(user.id);
  return <p>{settings.timeZone}</p>;
}
`,

  // A bare idempotent insert into Attempt behind the same session check: the least a stored write can cost.
  "app/api/bench-floor/insert/route.ts": `import { getCurrentUser } from "@/lib/auth";
import { db } from "@/lib/progress/db";

export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in." }, { status: 401 });
  const body = (await request.json()) as { clientId: string };
  await db().$executeRaw\`
    INSERT INTO "Attempt" ("userId", "clientId", "exerciseId", source, seed, answers, steps, score, correct, "elapsedMs")
    VALUES (\${user.id}::uuid, \${body.clientId}::uuid, 'bench-floor', 'drill', 0, '{}', '[]', 0, false, 0)
    ON CONFLICT DO NOTHING\`;
  return Response.json({ ok: true }, { status: 201 });
}
`,
};
