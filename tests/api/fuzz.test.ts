import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getExercise, listCards, listJudgements } from "@/lib/content";
import { buildExercise, convert } from "@/lib/engine";
import { addCardsToDeck, disconnectDb, serveVariant } from "@/lib/progress";
import { disconnectTestDb, learnerRows, testDb } from "../helpers/db";
import { AuthHandler, type InternalRequest } from "../helpers/next-auth-core";
import { makeUser } from "../helpers/users";

// Thousands of malformed requests, from a seeded generator, against every route handler in app/api (found on disk, so
// a new route cannot be missed), with the session replaced by a real learner's and the real database behind. No request
// may get a 5xx; every 4xx says what was wrong in JSON; and nothing the learner (or another learner) has changes.

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => session.user,
}));
const { authOptions } = await import("@/lib/auth");

const SEED = 0x14f022;
const PER_ROUTE = 150;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own context
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response> | Response;

/** Every route file under app/api, as its URL pattern (`/api/lessons/[id]/progress`) and file. */
function listRouteFiles(): { pattern: string; file: string }[] {
  const root = path.resolve("app/api");
  const found: { pattern: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        found.push({ pattern: `/api/${path.relative(root, dir).split(path.sep).join("/")}`, file: full });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

// ---------------------------------------------------------------------------------------------------------------
// A deterministic generator (mulberry32): the same seed gives the same requests on every run.

function generator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, uuid };
}
type Rng = ReturnType<typeof generator>;

// ---------------------------------------------------------------------------------------------------------------
// What each route takes. A route file exporting a method missing here fails the suite, so a new endpoint gets a spec.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

type Fixture = {
  lesson: string;
  ownCard: string;
  otherCard: string;
  otherCase: string;
  otherClientIds: string[];
  replays: { pattern: string; body: JsonObject }[];
  email: string;
};

type JsonSpec = {
  kind: "json";
  session: "required" | "optional";
  limit: number;
  /** a well-formed body to break (it may itself be accepted; it is never sent as it is) */
  base: (rng: Rng, f: Fixture) => JsonObject;
  required: string[];
  numbers?: string[];
  ids?: string[];
  nullable?: string[];
  /** false when the schema strips unknown keys instead of refusing them */
  strict?: boolean;
  /** the route checks the session before the body, so a visitor's malformed body is a 401 */
  params?: (rng: Rng) => Record<string, string>;
  /** bodies that name another learner's things: refused, since this learner has none of them */
  foreign?: (rng: Rng, f: Fixture) => JsonObject;
};
type PlainSpec = { kind: "plain"; session: "required" | "none" | "optional" };
type AuthSpec = { kind: "auth" };
type Spec = JsonSpec | PlainSpec | AuthSpec;

const uuidOrBad = ["", "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "{}"];
const unknownIds = (rng: Rng): string =>
  rng.pick([
    `no-such-${rng.int(1e9)}`,
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "../../etc/passwd",
    "numbers-to-know/../x",
    "x".repeat(119),
    "step:__proto__:x",
    "point:case-chat:nope",
    "judge:constructor",
    " ",
    "Infinity",
    "NaN",
  ]);

const specs: Record<string, Spec> = {
  "POST /api/account/delete": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: (_rng, f) => ({ confirmEmail: f.email }),
    required: ["confirmEmail"],
  },
  "POST /api/attempts": {
    kind: "json",
    session: "optional",
    limit: 64 * 1024,
    base: (rng) => {
      const seed = rng.int(1000);
      const served = serveVariant(EXERCISE, seed);
      return {
        clientId: rng.uuid(),
        exerciseId: EXERCISE,
        seed,
        token: served?.token ?? "x",
        source: "lesson",
        answers: { [rng.pick(["qps", "a", "b"])]: `${rng.int(1000)} k` },
        elapsedMs: rng.int(100_000),
      };
    },
    required: ["clientId", "exerciseId", "seed", "token", "source", "answers", "elapsedMs"],
    numbers: ["seed", "elapsedMs"],
    ids: ["exerciseId", "token"],
  },
  "POST /api/cases": {
    kind: "json",
    session: "required",
    limit: 128 * 1024,
    base: (rng) => ({ clientId: rng.uuid(), caseId: "case-chat", kind: "start", mode: "practice" }),
    required: ["clientId", "caseId", "kind", "mode"],
    ids: ["caseId"],
    foreign: (rng, f) => ({ clientId: rng.uuid(), caseId: f.otherCase, kind: rng.pick(["reveal", "next"]) }),
  },
  "POST /api/deck": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: (rng): JsonObject => (rng.int(2) ? { module: "estimation" } : { lesson: "server-sizing" }),
    required: ["module", "lesson"],
    ids: ["module", "lesson"],
  },
  "POST /api/lessons/[id]/progress": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: () => ({ event: "completed" }),
    required: ["event"],
    ids: ["event"],
    params: (rng) => ({
      id: rng.pick([
        "%ZZ",
        "%E0%A4%A",
        "%",
        "%00",
        "%uD800",
        "%ED%A0%80",
        "\u0000",
        "\ud800",
        "numbers-to-know%00",
        "numbers-to-know\u0000",
        "__proto__",
        "constructor",
        "toString",
        "../numbers-to-know",
        "",
        "a".repeat(5000),
        `no-such-lesson-${rng.int(1e6)}`,
      ]),
    }),
  },
  "POST /api/progress/reset": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: () => ({ module: "estimation", confirm: true }),
    required: ["module", "confirm"],
    ids: ["module"],
  },
  "POST /api/questions": {
    kind: "json",
    session: "optional",
    limit: 2048,
    base: (rng) => ({ clientId: rng.uuid(), questionId: QUESTION.id, optionId: QUESTION.option, source: "lesson" }),
    required: ["clientId", "questionId", "optionId", "source"],
    ids: ["questionId", "optionId"],
  },
  "POST /api/reviews": {
    kind: "json",
    session: "required",
    limit: 4096,
    base: (rng, f) => ({ clientId: rng.uuid(), cardId: f.ownCard, rating: 1 + rng.int(4), durationMs: rng.int(9000) }),
    required: ["clientId", "cardId", "rating", "durationMs"],
    numbers: ["rating", "durationMs"],
    ids: ["cardId"],
    foreign: (rng, f) => ({ clientId: rng.uuid(), cardId: f.otherCard, rating: 3, durationMs: 1000 }),
  },
  "POST /api/reviews/spread": {
    kind: "json",
    session: "required",
    limit: 256,
    base: () => ({ perDay: 10 }),
    required: ["perDay"],
    numbers: ["perDay"],
  },
  "POST /api/reviews/undo": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: (rng) => ({ clientId: rng.uuid() }),
    required: ["clientId"],
  },
  "PUT /api/settings": {
    kind: "json",
    session: "required",
    limit: 1024,
    base: () => ({ desiredRetention: 0.9, timeZone: "Europe/Berlin", dayStartHour: 4, newCardsPerDay: 20 }),
    required: [],
    numbers: ["desiredRetention", "dayStartHour", "newCardsPerDay"],
    ids: ["timeZone"],
  },
  "PUT /api/settings/fit": {
    kind: "json",
    session: "required",
    limit: 256,
    base: () => ({ useFitted: false }),
    required: ["useFitted"],
  },
  "POST /api/settings/fit": { kind: "plain", session: "required" },
  "POST /api/sign-up": {
    kind: "json",
    session: "optional",
    limit: 8 * 1024,
    base: (rng) => ({ email: `fuzz-${rng.int(1e9)}@fuzz.example`, password: "long enough password" }),
    required: ["email", "password"],
    // signUpSchema strips unknown keys, so a body with an extra key is a real sign-up (slow by design): not sent
    strict: false,
  },
  "POST /api/variants": {
    kind: "json",
    session: "optional",
    limit: 1024,
    base: () => ({ drillId: "drill-dau-to-peak-qps", open: false }),
    required: ["drillId"],
    ids: ["drillId"],
  },
  "GET /api/export": { kind: "plain", session: "required" },
  "GET /api/export/reviews.csv": { kind: "plain", session: "required" },
  "GET /api/health": { kind: "plain", session: "none" },
  "GET /api/reference": { kind: "plain", session: "none" },
  "GET /api/reviews/workload": { kind: "plain", session: "required" },
  "GET /api/me": { kind: "plain", session: "optional" },
  "GET /api/lessons/[id]/state": { kind: "plain", session: "required" },
  "GET /api/auth/[...nextauth]": { kind: "auth" },
  "POST /api/auth/[...nextauth]": { kind: "auth" },
};

const EXERCISE = "numbers-image-api-gbps";
const judgement = listJudgements()[0];
if (!judgement) throw new Error("content has no judgement question");
const QUESTION = { id: judgement.id, option: judgement.options[0]?.id ?? "x" };

// ---------------------------------------------------------------------------------------------------------------
// Requests

type Fuzzed = {
  key: string;
  label: string;
  /** "refused": must be a 4xx; "any": anything but a 5xx (reads, visitors, next-auth's own pages) */
  expect: "refused" | "any";
  signedIn: boolean;
  run: () => Promise<{ status: number; json: () => Promise<unknown> }>;
};

type Loaded = { pattern: string; method: HttpMethod; handler: Handler; spec: Spec };

function concrete(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, name: string) => encodeURIComponent(params[name] ?? name));
}

function send(
  route: Loaded,
  init: { body?: BodyInit; headers?: Record<string, string>; params?: Record<string, string>; query?: string },
): () => Promise<Response> {
  return async () => {
    const params = init.params ?? {};
    let url: string;
    try {
      url = `http://localhost${concrete(route.pattern, params)}${init.query ?? ""}`;
    } catch {
      url = `http://localhost${route.pattern.replace(/\[|\]|\./g, "")}`; // a lone surrogate cannot be encoded
    }
    const request = new NextRequest(url, { method: route.method, headers: init.headers, body: init.body });
    return route.handler(request, { params: Promise.resolve(params) });
  };
}

const wrongTypes: Json[] = [0, -1, 1.5, true, false, "x", "", [], [1, "a"], {}, { a: 1 }, null, "NaN", "Infinity"];
const typeOf = (v: Json | undefined) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const badNumbers = [-1, -0.5, 0.5, 2 ** 31, 2 ** 53, 1e308, -1e308, 1e-300, Number.MAX_SAFE_INTEGER + 2, 24.5e12];
const oddText = ["\u0000", "12 k\u0000", "\ud800", "x\udfff", "\ud83d", "a\u0000b\ud800"];
const contentTypes = [
  "",
  "text/plain",
  "text/plain; charset=application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json-patch+json",
  "application/jsonp",
  "text/json",
  "application/xml",
];
const crossOrigins = ["http://localhost:8080", "https://evil.example", "null", "http://localhost.evil.example"];

/** The JSON text of `body` with one number replaced by a bare NaN/Infinity token (not JSON at all). */
function withBareToken(body: JsonObject, rng: Rng, numbers: string[]): string {
  const token = rng.pick(["NaN", "Infinity", "-Infinity", "+1", "0x10", "1_000", "01", ".5", "1e", "undefined"]);
  const field = numbers.length ? rng.pick(numbers) : "n";
  return JSON.stringify({ ...body, [field]: "@@TOKEN@@" }).replace('"@@TOKEN@@"', token);
}

function jsonRequests(route: Loaded, spec: JsonSpec, rng: Rng, f: Fixture, count: number): Fuzzed[] {
  const key = `${route.method} ${route.pattern}`;
  const out: Fuzzed[] = [];
  const jsonHeaders = { "Content-Type": "application/json" };
  const params = (): Record<string, string> => (spec.params ? { id: "numbers-to-know" } : {});
  const mutators: {
    name: string;
    applies: boolean;
    make: () => { body: BodyInit; headers?: Record<string, string>; params?: Record<string, string> };
  }[] = [
    {
      name: "wrong type",
      applies: true,
      make: () => {
        const body = spec.base(rng, f);
        const field = rng.pick(Object.keys(body));
        const choices = wrongTypes.filter(
          (v) => typeOf(v) !== typeOf(body[field]) && !(v === null && spec.nullable?.includes(field)),
        );
        return { body: JSON.stringify({ ...body, [field]: rng.pick(choices) }) };
      },
    },
    {
      name: "missing field",
      applies: spec.required.length > 0,
      make: () => {
        const body = spec.base(rng, f);
        const present = spec.required.filter((k) => k in body);
        if (present.length === 0) return { body: "{}" };
        const drop = rng.pick(present);
        const { [drop]: _dropped, ...rest } = body;
        return { body: JSON.stringify(rest) };
      },
    },
    {
      name: "extra field",
      applies: spec.strict !== false,
      make: () => {
        const extra = rng.pick(["admin", "userId", "isAdmin", "score", "role", "id", "then", "toJSON"]);
        const value = rng.pick<Json>([true, 1, "x", { id: "x" }, null]);
        return { body: JSON.stringify({ ...spec.base(rng, f), [extra]: value }) };
      },
    },
    {
      name: "prototype key",
      applies: spec.strict !== false,
      make: () => {
        const text = JSON.stringify(spec.base(rng, f));
        const key = rng.pick([
          '"__proto__":{"polluted":"yes"}',
          '"constructor":{"prototype":{"polluted":"yes"}}',
          '"__proto__":null',
          '"prototype":{}',
        ]);
        return { body: `{${key},${text.slice(1)}` };
      },
    },
    {
      name: "huge body",
      applies: true,
      make: () => {
        const size = spec.limit + 1 + rng.int(spec.limit * 2);
        const field = rng.pick(Object.keys(spec.base(rng, f)).concat("pad"));
        return { body: JSON.stringify({ ...spec.base(rng, f), [field]: "x".repeat(size) }) };
      },
    },
    {
      name: "bare NaN/Infinity token",
      applies: true,
      make: () => ({ body: withBareToken(spec.base(rng, f), rng, spec.numbers ?? []) }),
    },
    {
      name: "NaN/Infinity as a string",
      applies: (spec.numbers?.length ?? 0) > 0,
      make: () => {
        const field = rng.pick(spec.numbers ?? []);
        const text = rng.pick(["NaN", "Infinity", "-Infinity", "1e400", "12", "0x10"]);
        return { body: JSON.stringify({ ...spec.base(rng, f), [field]: text }) };
      },
    },
    {
      name: "number out of range",
      applies: (spec.numbers?.length ?? 0) > 0,
      make: () => {
        const field = rng.pick(spec.numbers ?? []);
        // 1e400 is Infinity once parsed; -0 and 1.0 are fine numbers, so they are not sent
        const value = rng.int(5) === 0 ? "1e400" : String(rng.pick(badNumbers));
        return { body: JSON.stringify({ ...spec.base(rng, f), [field]: "@@N@@" }).replace('"@@N@@"', value) };
      },
    },
    {
      name: "unknown id",
      applies: (spec.ids?.length ?? 0) > 0,
      make: () => ({ body: JSON.stringify({ ...spec.base(rng, f), [rng.pick(spec.ids ?? [])]: unknownIds(rng) }) }),
    },
    {
      name: "NUL or lone surrogate",
      applies: true,
      make: () => {
        const body = spec.base(rng, f);
        const field = rng.pick(Object.keys(body));
        const text = rng.pick(oddText);
        return { body: JSON.stringify(rng.int(3) === 0 ? { ...body, [text]: 1 } : { ...body, [field]: text }) };
      },
    },
    {
      name: "wrong content type",
      applies: true,
      make: () => {
        const type = rng.pick(contentTypes);
        return { body: JSON.stringify(spec.base(rng, f)), headers: type ? { "Content-Type": type } : {} };
      },
    },
    {
      name: "not JSON",
      applies: true,
      make: () => {
        const depth = Math.floor(spec.limit / 2) - 2;
        return {
          body: rng.pick([
            "",
            "{",
            "{'a':1}",
            "[]",
            "null",
            "12",
            '"text"',
            "true",
            JSON.stringify([spec.base(rng, f)]),
            "[".repeat(depth) + "]".repeat(depth),
            `{"a":`.repeat(Math.floor(spec.limit / 6)),
            "\ufeff{}",
          ]),
        };
      },
    },
    {
      name: "cross-site origin",
      applies: true,
      make: () => ({
        body: JSON.stringify(spec.base(rng, f)),
        headers: { ...jsonHeaders, Origin: rng.pick(crossOrigins) },
      }),
    },
    {
      name: "bad Content-Length",
      applies: true,
      make: () => ({
        body: JSON.stringify(spec.base(rng, f)),
        headers: { ...jsonHeaders, "Content-Length": rng.pick(["lots", "-1", "1e3", "0x10", " 12a"]) },
      }),
    },
    {
      name: "bad client id",
      applies: "clientId" in spec.base(rng, f),
      make: () => ({ body: JSON.stringify({ ...spec.base(rng, f), clientId: rng.pick(uuidOrBad) }) }),
    },
    {
      name: "bad route param",
      applies: spec.params !== undefined,
      make: () => ({ body: JSON.stringify(spec.base(rng, f)), params: spec.params?.(rng) }),
    },
    {
      name: "another learner's ids",
      applies: spec.foreign !== undefined,
      make: () => ({ body: JSON.stringify(spec.foreign?.(rng, f) ?? {}) }),
    },
    {
      name: "replayed client id, another body",
      applies: f.replays.some((r) => r.pattern === route.pattern),
      make: () => {
        const replay = rng.pick(f.replays.filter((r) => r.pattern === route.pattern));
        const body = spec.base(rng, f);
        const differing = Object.keys(body).filter(
          // the token only proves the server served that seed; a replay is matched on what the learner submitted
          (k) => k !== "clientId" && k !== "token" && JSON.stringify(body[k]) !== JSON.stringify(replay.body[k]),
        );
        const changed = differing.length ? { [rng.pick(differing)]: "" } : { elapsedMs: 1 };
        const field = differing.length ? rng.pick(differing) : undefined;
        return { body: JSON.stringify({ ...replay.body, ...(field ? { [field]: body[field] ?? null } : changed) }) };
      },
    },
  ];
  const usable = mutators.filter((m) => m.applies);
  for (let i = 0; i < count; i++) {
    const mutator = usable[i % usable.length] ?? usable[0];
    if (!mutator) break;
    const made = mutator.make();
    // A visitor may be graded without an account on optional routes; the malformed body is refused either way. Replays
    // and another learner's ids only mean something for a signed-in learner.
    const signedIn = mutator.name.startsWith("replayed") || mutator.name.startsWith("another") || rng.int(8) !== 0;
    out.push({
      key,
      label: mutator.name,
      expect: "refused",
      signedIn,
      run: send(route, { body: made.body, headers: made.headers ?? jsonHeaders, params: made.params ?? params() }),
    });
  }
  return out;
}

function plainRequests(route: Loaded, rng: Rng, count: number): Fuzzed[] {
  const key = `${route.method} ${route.pattern}`;
  return Array.from({ length: count }, () => {
    const headers = rng.pick<Record<string, string>>([
      {},
      { Origin: rng.pick(crossOrigins) },
      { "Content-Type": rng.pick(contentTypes) || "application/json" },
      { Accept: "text/html" },
      { "Content-Length": "lots" },
    ]);
    const query = rng.pick(["", "?x=%ZZ", "?userId=" + randomUUID(), "?__proto__[polluted]=yes", "?a=\u0000"]);
    const body =
      route.method === "GET" ? undefined : rng.pick(["", "{", '{"__proto__":{"polluted":1}}', "x".repeat(70_000)]);
    // A route under an id: a real one, unknown ones, and odd bytes.
    const params = route.pattern.includes("[id]")
      ? { id: rng.pick(["numbers-to-know", "no-such-lesson", "__proto__", "%ZZ", "\u0000", "\ud800", "x".repeat(600)]) }
      : undefined;
    return {
      key,
      label: "odd headers, query or body",
      expect: "any" as const,
      signedIn: rng.int(3) !== 0,
      run: send(route, { headers, query, body, ...(params ? { params } : {}) }),
    };
  });
}

function authRequests(route: Loaded, rng: Rng, count: number): Fuzzed[] {
  const key = `${route.method} ${route.pattern}`;
  const actions = [
    "session",
    "csrf",
    "providers",
    "signin",
    "signout",
    "callback",
    "error",
    "verify-request",
    "_log",
    "__proto__",
    "constructor",
    "toString",
    "%ZZ",
    "\u0000",
  ]; // never empty: a catch-all route matches one segment at least
  const out: Fuzzed[] = [];
  for (let i = 0; i < count; i++) {
    const action = rng.pick(actions);
    const provider = rng.pick(["credentials", "github", "__proto__", "%E0%A4%A", "\ud800", ""]);
    const params = { nextauth: [action, provider].filter(Boolean) };
    const refusedByRoute = route.method === "POST" && i % 3 !== 2;
    if (refusedByRoute) {
      // The route's own checks, before next-auth reads anything: another site, a body too large, a length that lies.
      const which = i % 3;
      const init: { headers: Record<string, string>; body: string } =
        which === 0
          ? {
              headers: { Origin: rng.pick(crossOrigins), "Content-Type": "application/x-www-form-urlencoded" },
              body: "email=a%40b.co&password=x",
            }
          : {
              headers: {
                "Content-Type": "application/x-www-form-urlencoded",
                ...(rng.int(2) ? { "Content-Length": "lots" } : {}),
              },
              body: `password=${"x".repeat(9 * 1024 + rng.int(60_000))}`,
            };
      out.push({
        key,
        label: which === 0 ? "cross-site sign-in" : "oversized or mislabelled sign-in",
        expect: "refused",
        signedIn: false,
        run: async () => {
          const request = new NextRequest("http://localhost/api/auth/callback/credentials", {
            method: "POST",
            ...init,
          });
          return route.handler(request, { params: Promise.resolve(params) });
        },
      });
      continue;
    }
    // What next-auth itself answers, through the handler the route calls (the route needs Next's request scope).
    const req: InternalRequest = {
      origin: "http://localhost",
      action,
      method: route.method,
      providerId: provider || undefined,
      query: rng.pick<Record<string, string>>([
        {},
        { callbackUrl: "https://evil.example" },
        { error: "\u0000" },
        { csrf: "true" },
        Object.fromEntries([["__proto__", "x"]]),
      ]),
      body:
        route.method === "POST"
          ? rng.pick<Record<string, string>>([
              {},
              { email: "\ud800", password: "x", csrfToken: "bad" },
              { csrfToken: "x".repeat(5000) },
              { json: "true" },
            ])
          : undefined,
      cookies: rng.pick<Record<string, string>>([
        {},
        { "next-auth.session-token": "garbage" },
        { "next-auth.csrf-token": "%ZZ|zz" },
      ]),
      headers: { host: "localhost" },
    };
    out.push({
      key,
      label: `next-auth ${action}`,
      expect: "any",
      signedIn: false,
      run: async () => {
        const response = await AuthHandler({ req, options: authOptions() });
        const status = response.status ?? 200;
        return {
          status,
          json: async () => response.body ?? null,
        };
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

/** Rows of any learner table whose userId names no user (a foreign key would refuse them; this checks it did). */
async function orphanRows(): Promise<number> {
  const db = testDb();
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'userId'`;
  let orphans = 0;
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name.replaceAll('"', '""')}" t WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."userId")`,
    );
    orphans += Number(row?.n ?? 0);
  }
  return orphans;
}

// ---------------------------------------------------------------------------------------------------------------

function rightAnswers(exerciseId: string, seed: number): Record<string, string> {
  const exercise = getExercise(exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId}`);
  const steps = buildExercise(exercise.spec, seed).steps;
  const asked = exercise.spec.open ? steps.slice(-1) : steps;
  return Object.fromEntries(asked.map((step) => [step.id, `${convert(step.expected, step.unit)} ${step.unit}`.trim()]));
}

const routes: Loaded[] = [];
const unknownMethods: string[] = [];

beforeAll(async () => {
  for (const { pattern, file } of listRouteFiles()) {
    const exported: Record<string, unknown> = await import(/* @vite-ignore */ file);
    for (const method of HTTP_METHODS) {
      const handler = exported[method];
      if (typeof handler !== "function") continue;
      const spec = specs[`${method} ${pattern}`];
      if (!spec) {
        unknownMethods.push(`${method} ${pattern}`);
        continue;
      }
      routes.push({ pattern, method, handler: handler as Handler, spec });
    }
  }
});

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

describe("fuzzing every route handler", () => {
  test("every method a route file exports has a spec here, and every spec names a route that exists", () => {
    expect(unknownMethods, "add a spec for these endpoints").toEqual([]);
    const known = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
    expect(Object.keys(specs).filter((key) => !known.has(key))).toEqual([]);
    expect(known.size).toBeGreaterThanOrEqual(20);
  });

  test("there are no server actions, whose bodies this fuzzer would also have to send", () => {
    const withActions: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
        } else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/m.test(fs.readFileSync(full, "utf8"))) {
          withActions.push(full);
        }
      }
    };
    for (const dir of ["app", "lib", "components"]) walk(path.resolve(dir));
    expect(withActions).toEqual([]);
  });

  test(
    "2,000+ malformed requests: no 5xx, every 4xx explains itself in JSON, and no learner's rows change",
    { timeout: 180_000 },
    async () => {
      const started = performance.now();
      const me = await makeUser("fuzz");
      const other = await makeUser("fuzz-other");
      const cards = [...listCards().values()];
      const ownCard = cards[0]?.id;
      const otherCard = cards[cards.length - 1]?.id;
      if (!ownCard || !otherCard || ownCard === otherCard) throw new Error("content needs two cards");
      const past = new Date(Date.now() - 60_000);
      await addCardsToDeck(me.id, [ownCard], past);
      await addCardsToDeck(other.id, [otherCard], past);

      const route = (key: string): Loaded => {
        const found = routes.find((r) => `${r.method} ${r.pattern}` === key);
        if (!found) throw new Error(`no route ${key}`);
        return found;
      };
      const post = async (key: string, body: JsonObject, userId: { id: string; email: string } | null, params = {}) => {
        session.user = userId;
        return send(route(key), {
          body: JSON.stringify(body),
          headers: { "Content-Type": "application/json" },
          params,
        })();
      };

      // The other learner's rows, written through the routes: a case run, an attempt, a rating.
      const otherAttempt = {
        clientId: randomUUID(),
        exerciseId: EXERCISE,
        seed: 0,
        token: serveVariant(EXERCISE, 0)?.token ?? "",
        source: "lesson",
        answers: rightAnswers(EXERCISE, 0),
        elapsedMs: 30_000,
      };
      expect((await post("POST /api/attempts", otherAttempt, other)).status).toBe(201);
      const otherRun = { clientId: randomUUID(), caseId: "case-rate-limiter", kind: "start", mode: "interview" };
      expect((await post("POST /api/cases", otherRun, other)).status).toBe(201);
      const otherRating = { clientId: randomUUID(), cardId: otherCard, rating: 3, durationMs: 3000 };
      expect((await post("POST /api/reviews", otherRating, other)).status).toBe(201);

      // The deliberate valid requests of the fuzzing learner: the only ones allowed to add rows.
      const mine = {
        attempt: { ...otherAttempt, clientId: randomUUID() },
        run: { clientId: randomUUID(), caseId: "case-chat", kind: "start", mode: "practice" },
        rating: { clientId: randomUUID(), cardId: ownCard, rating: 3, durationMs: 2000 },
        answer: { clientId: randomUUID(), questionId: QUESTION.id, optionId: QUESTION.option, source: "lesson" },
      };
      expect((await post("POST /api/attempts", mine.attempt, me)).status).toBe(201);
      expect((await post("POST /api/cases", mine.run, me)).status).toBe(201);
      expect((await post("POST /api/reviews", mine.rating, me)).status).toBe(201);
      expect((await post("POST /api/questions", mine.answer, me)).status).toBe(201);
      expect(
        (await post("POST /api/lessons/[id]/progress", { event: "started" }, me, { id: "numbers-to-know" })).status,
      ).toBe(200);
      expect((await post("PUT /api/settings", { desiredRetention: 0.85 }, me)).status).toBe(200);
      // A prototype key inside a free-form record (answers by step id) is data, not a prototype: graded, never a 500.
      const polluted = await post(
        "POST /api/attempts",
        {
          ...otherAttempt,
          clientId: randomUUID(),
          answers: Object.fromEntries([
            ["__proto__", "1 k"],
            ["constructor", "2"],
          ]),
        },
        me,
      );
      expect(polluted.status).toBeLessThan(500);
      const allowedWrites = polluted.status < 300 ? 1 : 0;

      const fixture: Fixture = {
        lesson: "numbers-to-know",
        ownCard,
        otherCard,
        otherCase: otherRun.caseId,
        otherClientIds: [otherAttempt.clientId, otherRun.clientId, otherRating.clientId],
        replays: [
          { pattern: "/api/attempts", body: mine.attempt },
          { pattern: "/api/cases", body: mine.run },
          { pattern: "/api/reviews", body: mine.rating },
          { pattern: "/api/questions", body: mine.answer },
        ],
        email: me.email,
      };
      const myRows = await learnerRows(me.id);
      const otherRows = await learnerRows(other.id);
      const myCounts = Object.fromEntries(Object.entries(myRows).map(([table, rows]) => [table, rows.length]));
      expect(myCounts).toMatchObject({
        attempt: 1 + allowedWrites,
        caseRun: 1,
        reviewLog: 1,
        questionAnswer: 1,
        lessonProgress: 1,
        userSettings: 1,
      });

      // The fuzzing itself.
      const rng = generator(SEED);
      const requests: Fuzzed[] = [];
      for (const r of routes) {
        if (r.spec.kind === "json") requests.push(...jsonRequests(r, r.spec, rng, fixture, PER_ROUTE));
        else if (r.spec.kind === "plain")
          requests.push(...plainRequests(r, rng, r.pattern.endsWith("workload") ? 6 : 25));
        else requests.push(...authRequests(r, rng, 60));
      }
      expect(requests.length).toBeGreaterThanOrEqual(2000);

      const failures: string[] = [];
      const byStatus: Record<string, number> = {};
      for (const [index, request] of requests.entries()) {
        session.user = request.signedIn ? me : null;
        let response: { status: number; json: () => Promise<unknown> };
        try {
          response = await request.run();
        } catch (error) {
          failures.push(`#${index} ${request.key} (${request.label}): threw ${String(error).slice(0, 200)}`);
          continue;
        }
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        if (response.status >= 500) failures.push(`#${index} ${request.key} (${request.label}): ${response.status}`);
        if (request.expect === "refused" && (response.status < 400 || response.status >= 500)) {
          failures.push(`#${index} ${request.key} (${request.label}): accepted with ${response.status}`);
        }
        // next-auth's own pages (its 400 for an action it does not support) are its plain text, not this app's JSON.
        if (response.status >= 400 && response.status < 500 && !request.label.startsWith("next-auth")) {
          const body = await response.json().catch(() => null);
          const error = body && typeof body === "object" && "error" in body ? body.error : undefined;
          if (typeof error !== "string" || error.trim() === "") {
            failures.push(`#${index} ${request.key} (${request.label}): ${response.status} without an error message`);
          }
        }
      }
      session.user = null;
      const elapsedMs = performance.now() - started;
      console.info(
        `fuzz: ${requests.length} requests over ${routes.length} endpoints in ${(elapsedMs / 1000).toFixed(1)} s; statuses ${JSON.stringify(byStatus)}`,
      );

      expect(failures).toEqual([]);
      expect(Object.prototype).not.toHaveProperty("polluted");
      expect(await learnerRows(me.id)).toEqual(myRows);
      expect(await learnerRows(other.id)).toEqual(otherRows);
      expect(await testDb().user.findUnique({ where: { id: me.id } })).not.toBeNull();
      expect(await testDb().user.count({ where: { email: { endsWith: "@fuzz.example" } } })).toBe(0);
      expect(await orphanRows()).toBe(0);
    },
  );
});
