import type { ExerciseGrade } from "@/lib/engine/client";
import type { AttemptResponseBody, AttemptSubmit, Json } from "@/lib/progress/client";
import { sendJson } from "@/components/net/send";

export type AttemptPayload = AttemptSubmit;

export type SubmitOutcome =
  | { kind: "graded"; grade: ExerciseGrade; counted: boolean }
  | { kind: "queued"; message: string }
  | { kind: "refused"; message: string };

const OUTBOX_KEY = "envelope:outbox";

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

function readOutbox(): AttemptPayload[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter(isPayload) : [];
  } catch {
    return [];
  }
}

function writeOutbox(items: AttemptPayload[]) {
  try {
    if (items.length) localStorage.setItem(OUTBOX_KEY, JSON.stringify(items));
    else localStorage.removeItem(OUTBOX_KEY);
  } catch {
    // storage full or disabled: the answer stays on screen, and the learner can press the button again
  }
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
