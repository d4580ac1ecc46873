import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import {
  DEFAULT_WEIGHTS,
  FIT_MIN_REVIEWS,
  buildFitItems,
  evaluateWeights,
  reviewHistories,
  splitHeldBack,
  validWeights,
  type FitReview,
  type FitScore,
} from "@/lib/srs";
import { db } from "./db";
import { refuse, type Refusal } from "./outcome";
import { getSettings } from "./settings";

// A learner's own FSRS parameters: their review log is turned into the optimizer's items (lib/srs), fitted by fsrs-rs
// in a child process, scored against the defaults on cards held back from the fit, and stored with that report.

/** The longest a fit may run before its process is killed: fsrs-rs fits thousands of items in about a second. */
export const FIT_TIMEOUT_MS = 60_000;

/** The fit script, run by plain node. Found from the project root, where the server runs. */
export function fitChildScript(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "scripts/fsrs/fit-child.mjs");
}

/** What the fit process gave back: 21 weights, or why there are none, in words a learner can read. */
export type FitChildResult = { ok: true; weights: number[] } | { ok: false; message: string };

const childOutputSchema = z.union([
  z.object({ ok: z.literal(true), parameters: z.array(z.number()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Enough for 21 numbers or an error message many times over; a child that writes more is not trusted. */
const MAX_CHILD_OUTPUT = 64 * 1024;

/**
 * Fit FSRS weights to `items` in a child process running scripts/fsrs/fit-child.mjs: the items go in on stdin as
 * JSON, the weights come back on stdout. fsrs-rs aborts its process when it panics, which in-process (or in a worker
 * thread) would take the server with it; here a crash, a non-zero exit, bad output or running past `timeoutMs` (the
 * child is then killed) each resolve to `{ ok: false, message }`. Never rejects.
 */
export function runFitChild(
  items: readonly (readonly FitReview[])[],
  options: { timeoutMs?: number; script?: string } = {},
): Promise<FitChildResult> {
  const timeoutMs = options.timeoutMs ?? FIT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: FitChildResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(process.execPath, [options.script ?? fitChildScript()], { stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      resolve({ ok: false, message: `The fit process could not start (${describe(error)}).` });
      return;
    }
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      finish({ ok: false, message: `The fit took longer than ${limit} and was stopped.` });
    }, timeoutMs);
    let stdout = "";
    let tooMuch = false;
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      if (stdout.length + chunk.length > MAX_CHILD_OUTPUT) tooMuch = true;
      else stdout += chunk;
    });
    // The panic report goes to stderr; it is drained (so the child never blocks on a full pipe) but not shown.
    child.stderr?.resume();
    child.on("error", (error) => finish({ ok: false, message: `The fit process could not run (${describe(error)}).` }));
    // A child that dies before reading its input makes the write fail with EPIPE: the exit below says why.
    child.stdin?.on("error", () => {});
    child.on("close", (code, signal) => {
      if (signal) return finish({ ok: false, message: `The fit process crashed (${signal}); nothing was changed.` });
      if (tooMuch) return finish({ ok: false, message: "The fit process answered with more than expected." });
      let parsed: z.infer<typeof childOutputSchema> | null = null;
      try {
        const result = childOutputSchema.safeParse(JSON.parse(stdout));
        if (result.success) parsed = result.data;
      } catch {
        parsed = null;
      }
      if (parsed && !parsed.ok) return finish({ ok: false, message: parsed.error });
      if (code !== 0 || !parsed)
        return finish({ ok: false, message: `The fit process stopped without a result (exit code ${code}).` });
      const weights = validWeights(parsed.parameters);
      if (!weights)
        return finish({
          ok: false,
          message: `The fit gave ${parsed.parameters.length} parameters where 21 finite numbers were expected.`,
        });
      finish({ ok: true, weights: [...weights] });
    });
    child.stdin?.end(JSON.stringify({ items }));
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const scoreSchema = z.object({ logLoss: z.number(), rmse: z.number() });

/** The stored report of a fit: when, on how much, and how the fitted and default weights did on held-back cards. */
const fitReportSchema = z.object({
  fittedAt: z.iso.datetime(),
  /** the learner's own ratings read (undone ones left out) */
  reviews: z.number().int(),
  /** optimizer items from the training cards */
  trainingItems: z.number().int(),
  /** ratings left out as malformed */
  skippedReviews: z.number().int(),
  heldBackCards: z.number().int(),
  /** held-back reviews scored (those a day or more after the card's previous review) */
  heldBackReviews: z.number().int(),
  /** both null when no held-back review could be scored */
  fitted: scoreSchema.nullable(),
  defaults: scoreSchema.nullable(),
});

export type FitReport = z.infer<typeof fitReportSchema>;

/** What the review page shows about fitting: how many reviews so far, the last fit's report, and which set is used. */
export type FitStatus = {
  /** the learner's own ratings, undone ones left out */
  reviews: number;
  /** reviews needed before a fit is offered */
  needed: number;
  report: FitReport | null;
  /** true when a valid fitted set is stored */
  hasFitted: boolean;
  /** true when scheduling uses the fitted set */
  useFitted: boolean;
};

/** The response of POST and PUT /api/settings/fit. */
export type FitResponseBody = { status: FitStatus };

export type FitOutcome =
  { ok: true; status: FitStatus } | { ok: false; reason: "too-few" | "failed" | "busy"; message: string };

/** `{ useFitted }`: schedule with the fitted parameters (true) or go back to the defaults (false). */
export const fitChoiceSchema = z.strictObject({ useFitted: z.boolean() });

export type FitChoice = z.infer<typeof fitChoiceSchema>;

/**
 * The learner's ratings to train on: their own ratings, not undone. Step cards are left out, since their rating comes
 * from the engine's verdict on an answer (its `verdict` is set) rather than from how well the learner felt they knew it.
 */
async function readOwnRatings(userId: string) {
  const [ratings, undos] = await Promise.all([
    db().reviewLog.findMany({
      where: { userId, kind: "rating", verdict: null },
      select: { clientId: true, cardId: true, rating: true, reviewedAt: true },
      orderBy: [{ reviewedAt: "asc" }, { clientId: "asc" }],
    }),
    db().reviewLog.findMany({
      where: { userId, kind: "undo", undoes: { not: null } },
      select: { undoes: true },
    }),
  ]);
  const undone = new Set(undos.map((undo) => undo.undoes));
  return ratings.filter((rating) => !undone.has(rating.clientId));
}

/** How many of the learner's own ratings count towards a fit (undone ones and step cards' left out). */
async function countOwnRatings(userId: string): Promise<number> {
  const rows = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "ReviewLog" r
    WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating' AND r.verdict IS NULL
      AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")`;
  return Number(rows[0]?.count ?? 0);
}

function readReport(json: unknown): FitReport | null {
  const parsed = fitReportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The learner's fit status for the review page. */
export async function getFitStatus(userId: string): Promise<FitStatus> {
  const [reviews, row] = await Promise.all([
    countOwnRatings(userId),
    db().userSettings.findUnique({
      where: { userId },
      select: { fittedWeights: true, fitReport: true, useFitted: true },
    }),
  ]);
  const hasFitted = validWeights(row?.fittedWeights) !== null;
  return {
    reviews,
    needed: FIT_MIN_REVIEWS,
    report: row ? readReport(row.fitReport) : null,
    hasFitted,
    useFitted: hasFitted && (row?.useFitted ?? false),
  };
}

// fsrs-rs uses every core it can get; one fit at a time keeps the rest of the server answering.
let fitRunning = false;

/**
 * Fit FSRS weights to the learner's own review log at `now`: refused below FIT_MIN_REVIEWS ratings (saying how many
 * they have). Every fifth card is held back; the rest are fitted in a child process (runFitChild), then the fitted and
 * the default weights are scored on the held-back cards (lib/srs evaluateWeights). The weights and the report are
 * stored, and the fitted weights are switched on only when they beat the defaults on log loss. One fit runs at a time
 * on this server; a second is refused as busy. A failed fit changes nothing.
 */
export async function fitParameters(
  userId: string,
  now: Date,
  options: { timeoutMs?: number } = {},
): Promise<FitOutcome> {
  if (fitRunning) return { ok: false, reason: "busy", message: "Another fit is running. Try again in a minute." };
  fitRunning = true;
  try {
    return await fitOwnReviews(userId, now, options);
  } finally {
    fitRunning = false;
  }
}

async function fitOwnReviews(userId: string, now: Date, options: { timeoutMs?: number }): Promise<FitOutcome> {
  const ratings = await readOwnRatings(userId);
  if (ratings.length < FIT_MIN_REVIEWS) {
    const more = FIT_MIN_REVIEWS - ratings.length;
    return {
      ok: false,
      reason: "too-few",
      message: `You have ${ratings.length} flashcard review${ratings.length === 1 ? "" : "s"}; fitting needs at least ${FIT_MIN_REVIEWS}, so ${more} more.`,
    };
  }
  const settings = await getSettings(userId);
  const histories = reviewHistories(
    ratings.map((row) => ({ cardId: row.cardId, rating: row.rating ?? Number.NaN, reviewedAt: row.reviewedAt })),
    settings,
  );
  const { training, heldBack } = splitHeldBack(histories);
  const built = buildFitItems(training);
  const skippedReviews = built.malformedReviews + buildFitItems(heldBack).malformedReviews;
  if (built.items.length === 0) {
    return {
      ok: false,
      reason: "too-few",
      message: "None of your cards has a review a day or more after another yet, so there is nothing to fit.",
    };
  }
  const fit = await runFitChild(built.items, options);
  if (!fit.ok) return { ok: false, reason: "failed", message: `Your parameters could not be fitted: ${fit.message}` };

  const fitted = evaluateWeights(heldBack, fit.weights);
  const defaults = evaluateWeights(heldBack, DEFAULT_WEIGHTS);
  const compared = fitted && defaults;
  const report: FitReport = {
    fittedAt: now.toISOString(),
    reviews: ratings.length,
    trainingItems: built.items.length,
    skippedReviews,
    heldBackCards: heldBack.length,
    heldBackReviews: compared ? fitted.reviews : 0,
    fitted: compared ? score(fitted) : null,
    defaults: compared ? score(defaults) : null,
  };
  const useFitted = compared ? fitted.logLoss < defaults.logLoss : false;
  const data = { fittedWeights: fit.weights, fitReport: report, useFitted };
  await db().userSettings.upsert({ where: { userId }, update: data, create: { userId, ...data } });
  return { ok: true, status: await getFitStatus(userId) };
}

function score(value: FitScore): { logLoss: number; rmse: number } {
  return { logLoss: value.logLoss, rmse: value.rmse };
}

/**
 * Schedule with the learner's fitted parameters (true) or the defaults (false). Choosing the fitted ones is refused
 * while there are none; going back to the defaults keeps the fitted set, so it can be chosen again.
 */
export async function setUseFitted(
  userId: string,
  useFitted: boolean,
): Promise<{ ok: true; status: FitStatus } | Refusal> {
  if (useFitted) {
    const row = await db().userSettings.findUnique({ where: { userId }, select: { fittedWeights: true } });
    if (!validWeights(row?.fittedWeights))
      return refuse("conflict", "There are no fitted parameters yet: fit them to your reviews first.");
  }
  await db().userSettings.upsert({ where: { userId }, update: { useFitted }, create: { userId, useFitted } });
  return { ok: true, status: await getFitStatus(userId) };
}
