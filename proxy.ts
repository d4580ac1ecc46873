import net from "node:net";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Pages cannot answer 503 themselves: an App Router page that throws renders app/error.tsx with a 500, and Next has no
// way to set another status from a server component. So while the data layer has marked the database unreachable, this
// proxy answers page requests with a short 503 page of its own (and Retry-After) before any rendering starts. The mark
// lives on globalThis under a shared symbol (see lib/progress/db.ts): `next start` loads the Node proxy in the same
// process as the rendering code, but as its own bundle, so module variables are not shared and globalThis is.

const OUTAGE_KEY = Symbol.for("envelope.database-outage");
const RETRY_AFTER_SECONDS = 5;
/** How long a failed probe of the database's port is trusted before the next page request probes again. */
const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;

type OutageState = { downSince: Date | null; reason: string };

function outageSince(): Date | null {
  const state = (globalThis as { [OUTAGE_KEY]?: OutageState })[OUTAGE_KEY];
  return state?.downSince ?? null;
}

let lastProbe: { at: number; ok: boolean } | undefined;
let probing: Promise<boolean> | undefined;

/** Does the database's host accept a TCP connection within a second? One probe at a time, a failure kept a second. */
function databasePortAnswers(databaseUrl: string): Promise<boolean> {
  const now = Date.now();
  if (lastProbe && now - lastProbe.at < PROBE_INTERVAL_MS) return Promise.resolve(lastProbe.ok);
  probing ??= new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(databaseUrl);
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  }).then((ok) => {
    lastProbe = { at: Date.now(), ok };
    probing = undefined;
    return ok;
  });
  return probing;
}

/** The page a learner sees instead of a hang or a blank 500 while the database cannot be reached. */
function outagePage(since: Date): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}"><title>Envelope: database unreachable</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Envelope cannot reach its database</h1>
<p>The database has not answered since ${since.toISOString().slice(11, 16)} UTC. Nothing you saved is lost; answers
that could not be sent stay in this browser and are sent again once it is back.</p>
<p>This page tries again by itself every ${RETRY_AFTER_SECONDS * 2} seconds.</p>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Page requests while the database is marked unreachable: 503 with a short page at once, unless its port answers again
 * (then the request renders, and a successful query clears the mark). API routes answer for themselves (503 JSON).
 * Otherwise a signed-in learner's request for the home page goes to Today.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const since = outageSince();
  const databaseUrl = env().DATABASE_URL;
  if (since && databaseUrl && !(await databasePortAnswers(databaseUrl))) return outagePage(since);
  // The home page is the same for every visitor (prerendered); a learner's home is their plan for the day. A session
  // cookie is enough to tell them apart here, without a database read: /today checks the session itself.
  if (request.nextUrl.pathname === "/" && hasSessionCookie(request))
    return NextResponse.redirect(new URL("/today", request.url));
  return NextResponse.next();
}

/** Does the request carry next-auth's session cookie (plain, `__Secure-` on https, or split into chunks)? */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name));
}

export const config = {
  // Pages only: not the API, Next's own assets, or files with an extension (icons, images, the service worker).
  matcher: ["/((?!api/|_next/|.*\\.[A-Za-z0-9]+$).*)"],
};
