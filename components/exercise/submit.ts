import { z } from "zod";
import type { ExerciseGrade } from "@/lib/engine/client";
import { attemptResponseSchema } from "./grade-schema";

export type AttemptPayload = {
  clientId: string;
  exerciseId: string;
  seed: number;
  token: string;
  source: "lesson" | "drill";
  answers: Record<string, string>;
  elapsedMs: number;
};

export type SubmitOutcome =
  | { kind: "graded"; grade: ExerciseGrade }
  | { kind: "queued"; message: string }
  | { kind: "refused"; message: string };

const OUTBOX_KEY = "envelope:outbox";

const payloadSchema = z.object({
  clientId: z.string(),
  exerciseId: z.string(),
  seed: z.number(),
  token: z.string(),
  source: z.enum(["lesson", "drill"]),
  answers: z.record(z.string(), z.string()),
  elapsedMs: z.number(),
});

const errorSchema = z.object({ error: z.string() });

function readOutbox(): AttemptPayload[] {
  try {
    const parsed = z.array(payloadSchema).safeParse(JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
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

async function post(payload: AttemptPayload): Promise<Response> {
  return fetch("/api/attempts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

/**
 * Send an attempt. The grade comes from the server only. When the server cannot be reached the attempt waits in an
 * outbox (localStorage) and is sent when the browser is back online; its client id makes a resend safe.
 */
export async function submitAttempt(payload: AttemptPayload): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await post(payload);
  } catch {
    writeOutbox([...readOutbox().filter((item) => item.clientId !== payload.clientId), payload]);
    return { kind: "queued", message: "You are offline. Your answers are saved on this device and will be sent when you are back online." };
  }
  if (response.status < 500) writeOutbox(readOutbox().filter((item) => item.clientId !== payload.clientId)); // delivered or refused for good
  if (response.ok) {
    const body = attemptResponseSchema.safeParse(await response.json().catch(() => null));
    if (body.success) return { kind: "graded", grade: body.data.grade };
    return { kind: "refused", message: "The server's answer could not be read. Please try again." };
  }
  if (response.status >= 500) {
    writeOutbox([...readOutbox().filter((item) => item.clientId !== payload.clientId), payload]);
    return { kind: "queued", message: "Envelope could not save your answers just now. They are kept on this device and will be sent again." };
  }
  const error = errorSchema.safeParse(await response.json().catch(() => null));
  return { kind: "refused", message: error.success ? error.data.error : `The server refused the answers (HTTP ${response.status}).` };
}

/** Send whatever waits in the outbox; returns how many were delivered. Safe to call often. */
export async function flushOutbox(): Promise<number> {
  let delivered = 0;
  for (const item of readOutbox()) {
    try {
      const response = await post(item);
      if (response.status >= 500) continue;
      // Delivered (201), already stored (200), or refused for good (4xx): either way it leaves the outbox.
      writeOutbox(readOutbox().filter((other) => other.clientId !== item.clientId));
      if (response.ok) delivered++;
    } catch {
      return delivered;
    }
  }
  return delivered;
}
