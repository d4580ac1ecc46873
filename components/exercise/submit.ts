import type { ExerciseGrade } from "@/lib/engine/client";
import type { AttemptResponseBody, AttemptSubmit, Json } from "@/lib/progress/client";
import { sendJson } from "@/components/net/send";

export type AttemptPayload = AttemptSubmit;

export type SubmitOutcome =
  /** `kept`: graded for a visitor without an account, kept on this device until they sign in */
  | { kind: "graded"; grade: ExerciseGrade; counted: boolean; kept?: boolean }
  | { kind: "queued"; message: string }
  | { kind: "refused"; message: string };

const OUTBOX_KEY = "envelope:outbox";
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

function readOutbox(): AttemptPayload[] {
  return readList(OUTBOX_KEY);
}

function writeOutbox(items: AttemptPayload[]) {
  writeList(OUTBOX_KEY, items);
}

/** How many attempts a visitor has kept on this device. */
export function countVisitorAttempts(): number {
  return readList(VISITOR_KEY).length;
}

/**
 * After sign-in or sign-up: the visitor's kept attempts join the outbox and are sent, each with its own client id,
 * so an attempt is stored exactly once however often this runs (two tabs, a reload half-way).
 */
export async function adoptVisitorAttempts(): Promise<number> {
  const kept = readList(VISITOR_KEY);
  if (kept.length > 0) {
    const waiting = new Set(readOutbox().map((item) => item.clientId));
    writeOutbox([...readOutbox(), ...kept.filter((item) => !waiting.has(item.clientId))]);
    writeList(VISITOR_KEY, []);
  }
  return flushOutbox();
}

function withoutItem(clientId: string): AttemptPayload[] {
  return readOutbox().filter((item) => item.clientId !== clientId);
}

/**
 * Send an attempt. The grade comes from the server only. When the server cannot be reached the attempt waits in an
 * outbox (localStorage) and is sent when the browser is back online; its client id makes a resend safe.
 */
export async function submitAttempt(payload: AttemptPayload): Promise<SubmitOutcome> {
  const result = await sendJson<Json<AttemptResponseBody>>("POST", "/api/attempts", payload);
  if (result.kind === "unreachable") {
    writeOutbox([...withoutItem(payload.clientId), payload]);
    return {
      kind: "queued",
      message:
        result.status === null
          ? "You are offline. Your answers are saved on this device and will be sent when you are back online."
          : "Envelope could not save your answers just now. They are kept on this device and will be sent again.",
    };
  }
  writeOutbox(withoutItem(payload.clientId)); // delivered, or refused for good
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

/** Send whatever waits in the outbox; returns how many were delivered. Safe to call often. */
export async function flushOutbox(): Promise<number> {
  let delivered = 0;
  for (const item of readOutbox()) {
    const result = await sendJson<Json<AttemptResponseBody>>("POST", "/api/attempts", item);
    if (result.kind === "unreachable") {
      if (result.status === null) return delivered; // offline: try the rest later
      continue;
    }
    // Delivered (201), already stored (200), or refused for good (4xx): either way it leaves the outbox.
    writeOutbox(withoutItem(item.clientId));
    if (result.kind === "ok") delivered++;
  }
  return delivered;
}
