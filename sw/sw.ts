/// <reference lib="webworker" />
// The service worker, bundled by `serwist build` after `next build` (serwist.config.js). It precaches the build's
// static files and the offline page, keeps the pages a learner opens for offline reading, and forgets them when the
// learner changes or a new build takes over. The rules themselves live in ./cache-policy.ts.
import {
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from "serwist";
import {
  LEARNER_CACHE,
  LEARNER_MESSAGE,
  cacheNameFor,
  isLearnerBoundary,
  learnerCaches,
  learnerChanged,
  outdatedCaches,
  policyFor,
} from "./cache-policy";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

/** The Next.js build id, put in by serwist.config.js: every cache name carries it. */
declare const __ENVELOPE_BUILD_ID__: string;

declare const self: ServiceWorkerGlobalScope;

const buildId = __ENVELOPE_BUILD_ID__;
const origin = self.location.origin;

/** Keep only whole, direct 200 answers: a redirect to sign-in or an error page must not stand in for a lesson. */
const onlyDirectSuccess: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Named here, not through `cacheId`: Serwist names its precache before it applies `cacheId`.
  precacheOptions: { cacheName: cacheNameFor(buildId, "precache"), cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request }) => policyFor(request, origin) === "page",
      handler: new NetworkFirst({
        cacheName: cacheNameFor(buildId, "pages"),
        networkTimeoutSeconds: 6,
        plugins: [onlyDirectSuccess, new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ request }) => policyFor(request, origin) === "online-page",
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ request }) => policyFor(request, origin) === "asset",
      handler: new StaleWhileRevalidate({ cacheName: cacheNameFor(buildId, "assets"), plugins: [onlyDirectSuccess] }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline.html", matcher: ({ request }) => request.destination === "document" }],
  },
});

/** Empties the caches that hold the current learner's pages. */
async function forgetLearnerPages(): Promise<void> {
  const names = learnerCaches(await caches.keys());
  await Promise.all(names.map((name) => caches.delete(name)));
}

/** Records which learner the pages now belong to, and empties them first when it is someone else. */
async function noteLearner(learner: string): Promise<void> {
  const store = await caches.open(LEARNER_CACHE);
  const saved = await store.match("/learner");
  const previous = saved ? await saved.text() : null;
  if (!learnerChanged(previous, learner)) return;
  await forgetLearnerPages();
  await store.put("/learner", new Response(learner));
}

// A new build's worker drops every cache of older builds once it takes over.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(outdatedCaches(names, buildId).map((name) => caches.delete(name)))),
  );
});

// Signing in, signing out or deleting the account passes through here: the kept pages go with the old session.
self.addEventListener("fetch", (event) => {
  if (isLearnerBoundary(event.request, origin)) event.waitUntil(forgetLearnerPages());
});

self.addEventListener("message", (event) => {
  const data: unknown = event.data;
  if (typeof data !== "object" || data === null || !("type" in data) || data.type !== LEARNER_MESSAGE) return;
  const learner = "learner" in data && typeof data.learner === "string" ? data.learner : "";
  event.waitUntil(noteLearner(learner));
});

serwist.addEventListeners();
