"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { MeResponseBody } from "@/lib/progress/client";

export type Learner = NonNullable<MeResponseBody["learner"]>;

/**
 * Who this page is for. Pages are rendered without the session (lessons are prerendered once for everyone), so the
 * browser finds out: first from what it last heard on this device (`hint`, shown at once and offline), then from
 * the server (`server`). `unknown` until the first of them, and always while rendering on the server.
 */
export type LearnerState =
  { source: "unknown"; learner: null } | { source: "hint" | "server"; learner: Learner | null };

const HINT_KEY = "envelope:learner";
const UNKNOWN: LearnerState = { source: "unknown", learner: null };
/** Asked again when the tab is shown after this long, in case the session ended in another tab. */
const ASK_AGAIN_AFTER_MS = 60_000;

let snapshot: LearnerState | null = null;
let askedAt = 0;
const listeners = new Set<() => void>();

function isLearner(value: unknown): value is Learner {
  if (typeof value !== "object" || value === null) return false;
  const { id, name, email } = value as Record<string, unknown>;
  return typeof id === "string" && typeof email === "string" && (name === null || typeof name === "string");
}

function readHint(): Learner | null | undefined {
  try {
    const text = localStorage.getItem(HINT_KEY);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    return value === null || isLearner(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function writeHint(learner: Learner | null) {
  try {
    localStorage.setItem(HINT_KEY, JSON.stringify(learner));
  } catch {
    // storage disabled: the header waits for the server on every page load
  }
}

function clientSnapshot(): LearnerState {
  if (!snapshot) {
    const hint = readHint();
    snapshot = hint === undefined ? UNKNOWN : { source: "hint", learner: hint };
  }
  return snapshot;
}

function publish(next: LearnerState) {
  snapshot = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function sameLearner(a: Learner | null, b: Learner | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id && a.name === b.name && a.email === b.email);
}

/**
 * Ask the server who is signed in, and remember it on this device. An outage or no network keeps what the device
 * knows. Called once per page load, after signing in or up (which does not reload the page), and when the tab comes
 * back after a while.
 */
export async function refreshLearner(): Promise<void> {
  askedAt = Date.now();
  try {
    const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return;
    const { learner } = (await response.json()) as MeResponseBody;
    writeHint(learner);
    const now = clientSnapshot();
    if (!(now.source === "server" && sameLearner(now.learner, learner))) publish({ source: "server", learner });
  } catch {
    // offline: keep what the device knows
  }
}

/** Forget the learner on this device (signing out), so the next page load does not show them. */
export function forgetLearner() {
  writeHint(null);
}

/** The learner as the page knows them now; pages rendered on the server see `unknown`. */
export function useLearner(): LearnerState {
  return useSyncExternalStore(subscribe, clientSnapshot, () => UNKNOWN);
}

/** Until the server has answered, it is asked again this often (an outage, or offline since the page opened). */
const UNCONFIRMED_RETRY_MS = 10_000;

/**
 * Placed once in the root layout: asks the server who is signed in when the app loads, when the browser comes back
 * online, every 10 s until the server has answered once (until then the outbox sends nothing), and when the tab comes
 * back after a while.
 */
export function LearnerSync() {
  useEffect(() => {
    const unconfirmed = () => clientSnapshot().source !== "server";
    void refreshLearner();
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() - askedAt > ASK_AGAIN_AFTER_MS) void refreshLearner();
    };
    const onOnline = () => {
      if (unconfirmed()) void refreshLearner();
    };
    const timer = window.setInterval(onOnline, UNCONFIRMED_RETRY_MS);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, []);
  return null;
}
