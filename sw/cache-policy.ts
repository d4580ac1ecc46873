// What the service worker caches, under which name, and when it forgets it. Pure: the worker (sw/sw.ts) and the
// unit tests call these with plain URLs and cache names, so the rules can be checked without a browser.

/** Every cache the worker owns starts with this, so it never touches a cache that someone else made. */
export const CACHE_PREFIX = "envelope";

/** The one cache that outlives a build (named outside every build's prefix): which learner the pages belong to. */
export const LEARNER_CACHE = `${CACHE_PREFIX}-learner`;

/** The message a page sends the worker to say who is signed in (an empty `learner` when nobody is). */
export const LEARNER_MESSAGE = "envelope:learner";

/** The caches one build keeps: its precache (scripts, styles, the offline page), the pages opened, and icons. */
export type CacheKind = "precache" | "pages" | "assets";

/**
 * The prefix of every cache of one build. A new build id
 * gives new names, which is what lets the next deployment drop the old caches whole instead of mixing two builds.
 * The id sits between two "@", a character build ids never contain, so build "abc" never claims build "abc-1"'s caches.
 */
export function buildCachePrefix(buildId: string): string {
  if (!/^[\w.-]+$/.test(buildId))
    throw new Error(`A build id must be letters, digits, "_", "-" or ".": got "${buildId}".`);
  return `${CACHE_PREFIX}@${buildId}@`;
}

/** The name of one runtime cache of a build. */
export function cacheNameFor(buildId: string, kind: CacheKind): string {
  return `${buildCachePrefix(buildId)}-${kind}`;
}

/**
 * The caches to delete when a build's worker activates: every cache of ours that belongs to another build. Pages of
 * an old build point at script chunks the new build no longer serves, so they are dropped, not kept as a fallback.
 */
export function outdatedCaches(cacheNames: readonly string[], buildId: string): string[] {
  const current = buildCachePrefix(buildId);
  return cacheNames.filter((name) => name.startsWith(`${CACHE_PREFIX}@`) && !name.startsWith(current));
}

/**
 * The caches that hold one learner's pages (the runtime caches of every build, never the precache, which holds only
 * the build's own files and pages that are the same for everyone). These are emptied when the learner changes.
 */
export function learnerCaches(cacheNames: readonly string[]): string[] {
  return cacheNames.filter((name) => name.startsWith(`${CACHE_PREFIX}@`) && name.endsWith("@-pages"));
}

/** Pages kept for offline reading once opened: lessons, the reference sheet, drills, review, today, cases, progress. */
const READABLE_PAGES = [
  /^\/$/,
  /^\/today$/,
  /^\/welcome$/,
  /^\/learn(\/[^/]+)?$/,
  /^\/reference$/,
  /^\/practice(\/[^/]+)*$/,
  /^\/review$/,
  /^\/cases(\/[^/]+)?$/,
  /^\/progress$/,
];

/** How the worker answers one request. */
export type RequestPolicy =
  /** Network first, then the copy of the page kept from the last visit, then the offline page. */
  | "page"
  /** Other pages of the app (sign-in, account): always from the network, the offline page when there is none. */
  | "online-page"
  /** Icons and the manifest: served from the cache, refreshed in the background. */
  | "asset"
  /** Left to the browser: writes, API calls, auth, other origins. */
  | "network";

/**
 * Which policy a request gets. Only GET requests of this origin are ever cached; every API route (reads included) and
 * everything under /api/auth go to the network, so no write is replayed from a cache and no session is stored.
 */
export function policyFor(request: { url: string; method: string; mode: string }, origin: string): RequestPolicy {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== origin) return "network";
  if (url.pathname.startsWith("/api/")) return "network";
  if (request.mode === "navigate") {
    return READABLE_PAGES.some((pattern) => pattern.test(url.pathname)) ? "page" : "online-page";
  }
  if (/^\/(icon|apple-icon)[^/]*\.(svg|png)$|^\/manifest\.webmanifest$|^\/favicon\.ico$/.test(url.pathname)) {
    return "asset";
  }
  return "network";
}

/**
 * Whether a request marks a change of learner (signing in, signing out, deleting the account): the worker empties
 * the learner's caches when one passes through it, so the next person on this browser never reads them.
 */
export function isLearnerBoundary(request: { url: string; method: string }, origin: string): boolean {
  const url = new URL(request.url);
  if (url.origin !== origin || request.method === "GET") return false;
  return (
    url.pathname === "/api/auth/signout" ||
    url.pathname.startsWith("/api/auth/callback/") ||
    url.pathname.startsWith("/api/account")
  );
}

/**
 * Whether the learner a page reports differs from the one the cached pages were kept for. `null` means nothing is
 * known yet (a fresh worker), which counts as a change: better an empty cache than another learner's pages.
 */
export function learnerChanged(previous: string | null, current: string): boolean {
  return previous !== current;
}
