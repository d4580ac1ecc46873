import { describe, expect, test } from "vitest";
import {
  LEARNER_CACHE,
  buildCachePrefix,
  cacheNameFor,
  isLearnerBoundary,
  learnerCaches,
  learnerChanged,
  outdatedCaches,
  policyFor,
} from "@/sw/cache-policy";

const origin = "http://127.0.0.1:3000";
const get = (path: string, mode = "navigate") => ({ url: `${origin}${path}`, method: "GET", mode });

describe("cache names carry the build id", () => {
  test("one build's caches share its prefix, another build's do not", () => {
    expect(cacheNameFor("abc123", "pages").startsWith(buildCachePrefix("abc123"))).toBe(true);
    expect(cacheNameFor("abc123", "pages")).not.toBe(cacheNameFor("def456", "pages"));
    expect(cacheNameFor("abc123", "assets")).not.toBe(cacheNameFor("abc123", "pages"));
  });

  test("a build id that could break out of the name is refused with a message", () => {
    expect(() => buildCachePrefix("a/b")).toThrow(/build id/);
    expect(() => buildCachePrefix("")).toThrow(/build id/);
  });
});

describe("a new build drops the old build's caches on activate", () => {
  const current = "new-build";
  const names = [
    cacheNameFor("old-build", "precache"),
    cacheNameFor("old-build", "pages"),
    cacheNameFor("old-build", "assets"),
    cacheNameFor(current, "precache"),
    cacheNameFor(current, "pages"),
    LEARNER_CACHE,
    "someone-elses-cache",
  ];

  test("every cache of another build goes, this build's stay, foreign caches and the learner record are left", () => {
    const dropped = outdatedCaches(names, current);
    expect(dropped).toEqual([
      cacheNameFor("old-build", "precache"),
      cacheNameFor("old-build", "pages"),
      cacheNameFor("old-build", "assets"),
    ]);
    for (const kept of names.filter((name) => !dropped.includes(name))) {
      expect(kept === LEARNER_CACHE || kept === "someone-elses-cache" || kept.includes(current)).toBe(true);
    }
  });

  test("a build whose id starts like another's is still told apart", () => {
    expect(outdatedCaches([cacheNameFor("abc-1", "pages")], "abc")).toEqual([cacheNameFor("abc-1", "pages")]);
  });

  test("the learner's pages are the runtime page caches only, never a precache", () => {
    expect(learnerCaches(names)).toEqual([cacheNameFor("old-build", "pages"), cacheNameFor(current, "pages")]);
  });
});

describe("which requests are kept for offline reading", () => {
  test.each([
    ["/learn/01-powers-of-two", "page"],
    ["/learn", "page"],
    ["/reference", "page"],
    ["/practice/qps", "page"],
    ["/review", "page"],
    ["/today", "page"],
    ["/cases/url-shortener", "page"],
    ["/sign-in", "online-page"],
    ["/account", "online-page"],
  ])("navigating to %s is %s", (path, expected) => {
    expect(policyFor(get(path), origin)).toBe(expected);
  });

  test("API reads and writes, auth, other origins and non-GET requests are never cached", () => {
    expect(policyFor(get("/api/reference", "cors"), origin)).toBe("network");
    expect(policyFor(get("/api/deck", "navigate"), origin)).toBe("network");
    expect(policyFor(get("/api/auth/session", "cors"), origin)).toBe("network");
    expect(policyFor({ url: `${origin}/learn/x`, method: "POST", mode: "navigate" }, origin)).toBe("network");
    expect(policyFor({ url: "https://elsewhere.example/learn/x", method: "GET", mode: "navigate" }, origin)).toBe(
      "network",
    );
  });

  test("icons and the manifest are assets; other subresources are left to the precache or the network", () => {
    expect(policyFor(get("/icon.svg", "no-cors"), origin)).toBe("asset");
    expect(policyFor(get("/manifest.webmanifest", "cors"), origin)).toBe("asset");
    expect(policyFor(get("/learn/x", "cors"), origin)).toBe("network");
  });
});

describe("a change of learner empties the kept pages", () => {
  test("signing in, signing out and deleting the account are boundaries; reading the session is not", () => {
    expect(isLearnerBoundary({ url: `${origin}/api/auth/signout`, method: "POST" }, origin)).toBe(true);
    expect(isLearnerBoundary({ url: `${origin}/api/auth/callback/credentials`, method: "POST" }, origin)).toBe(true);
    expect(isLearnerBoundary({ url: `${origin}/api/account/delete`, method: "POST" }, origin)).toBe(true);
    expect(isLearnerBoundary({ url: `${origin}/api/auth/session`, method: "GET" }, origin)).toBe(false);
    expect(isLearnerBoundary({ url: `${origin}/api/attempts`, method: "POST" }, origin)).toBe(false);
  });

  test("another learner, or nobody known yet, counts as a change; the same learner does not", () => {
    expect(learnerChanged("learner-a", "learner-b")).toBe(true);
    expect(learnerChanged("learner-a", "")).toBe(true);
    expect(learnerChanged(null, "learner-a")).toBe(true);
    expect(learnerChanged("learner-a", "learner-a")).toBe(false);
  });
});
