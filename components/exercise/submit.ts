import type { ExerciseGrade } from "@/lib/engine/client";
import type { AttemptResponseBody, AttemptSubmit, Json } from "@/lib/progress/client";
import { outbox } from "@/components/net/outbox";

export type AttemptPayload = AttemptSubmit;

export type SubmitOutcome =
  /** `kept`: graded for a visitor without an account, kept on this device until they sign in */
  | { kind: "graded"; grade: ExerciseGrade; counted: boolean; kept?: boolean }
  | { kind: "queued"; message: string }
  | { kind: "refused"; message: string };

/** Where attempts waited before every write had a per-learner outbox; read once, then emptied. */
const LEGACY_OUTBOX_KEY = "envelope:outbox";
/** A visitor's graded attempts, kept until they sign in or sign up; then they join the outbox (same client ids). */
const VISITOR_KEY = "envelope:visitor-attempts";
/** A visitor keeps at most this many attempts on the device; the oldest go first. */
const MAX_VISITOR_ATTEMPTS = 200;

/** An outbox entry as it was stored: localStorage may hold anything (an older version, another tab's edits). */
function isPayload(item: unknown): item is AttemptPayload {
  if (typeof item !== "object" || item === null) return false;
  const text = (key: string): boolean => typeof Object.getOwnPropertyDescriptor(item, key)?.value === "string";
  return (
    ["clientId", "exerciseId", "token", "source"].every(text) &&
    "seed" in item &&
    typeof item.seed === "number" &&
    "elapsedMs" in item &&
    typeof item.elapsedMs === "number" &&
    "answers" in item &&
    typeof item.answers === "object" &&
    item.answers !== null
  );
}

function readList(key: string): AttemptPayload[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(stored) ? stored.filter(isPayload) : [];
  } catch {
    return [];
  }
}

function writeList(key: string, items: AttemptPayload[]) {
  try {
    if (items.length) localStorage.setItem(key, JSON.stringify(items));
    else localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the answer stays on screen, and the learner can press the button again
  }
}

/** How many attempts a visitor has kept on this device. */
export function countVisitorAttempts(): number {
  return readList(VISITOR_KEY).length;
}

/** An attempt as the outbox sends it: the same request as a live submission, so a replay is stored once. */
function attemptWrite(payload: AttemptPayload) {
  return { method: "POST", url: "/api/attempts", body: payload, label: "an answer" } as const;
}

/**
 * After sign-in or sign-up: the visitor's kept attempts join this learner's outbox and are sent, each with its own
 * client id, so an attempt is stored exactly once however often this runs (two tabs, a reload half-way). Attempts
 * left in the single outbox of earlier versions join too: they were made on this device before queues had owners.
 */
export async function adoptVisitorAttempts(): Promise<void> {
  for (const key of [LEGACY_OUTBOX_KEY, VISITOR_KEY]) {
    const kept = readList(key);
    const left = kept.filter((item) => outbox.enqueue(attemptWrite(item)) === null);
    if (left.length !== kept.length) writeList(key, left);
  }
  await outbox.flush();
}

/**
 * Send an attempt through the learner's outbox. The grade comes from the server only. When the server cannot be
 * reached the attempt waits on this device for this learner and is sent when it answers again; its client id makes a
 * resend safe. A visitor's attempt is not queued: without an account there is nobody to keep it for.
 */
export async function submitAttempt(payload: AttemptPayload): Promise<SubmitOutcome> {
  const result = await outbox.write<Json<AttemptResponseBody>>(attemptWrite(payload));
  if (result.kind === "queued") {
    return {
      kind: "queued",
      message:
        result.reason === "signed-out"
          ? "You were signed out. Your answers are kept on this device and will be sent when you sign in again."
          : result.status === null
            ? "You are offline. Your answers are saved on this device and will be sent when you are back online."
            : "Envelope could not save your answers just now. They are kept on this device and will be sent again.",
    };
  }
  if (result.kind === "unsent")
    return { kind: "refused", message: "Envelope could not be reached. Check your connection and try again." };
  if (result.kind === "refused") return { kind: "refused", message: result.error };
  if (!result.data.stored) {
    // A visitor: graded, not stored. The first check of these numbers is kept here until they have an account.
    const kept = readList(VISITOR_KEY);
    const seen = kept.some((item) => item.exerciseId === payload.exerciseId && item.seed === payload.seed);
    if (!seen) writeList(VISITOR_KEY, [...kept, payload].slice(-MAX_VISITOR_ATTEMPTS));
    return { kind: "graded", grade: result.data.grade, counted: !seen, kept: true };
  }
  return { kind: "graded", grade: result.data.grade, counted: result.data.counted };
}
