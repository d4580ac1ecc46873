"use client";

import { useEffect, useLayoutEffect } from "react";
import { useLearner } from "@/components/layout/learner";
import { outbox } from "@/components/net/outbox";
import { adoptVisitorAttempts } from "./submit";

/**
 * Ties the outbox to the learner of this session and sends what waits for them: on load (with the attempts made as a
 * visitor before signing in), when the browser comes back online, and when the tab is shown again. Another learner's
 * queued writes stay on the device, untouched, until that learner signs in here again. The learner this device last
 * saw is used at once, so a write made as the page opens (or offline) joins their queue, but nothing is sent until the
 * server has confirmed that the session is theirs.
 */
export function OutboxFlusher() {
  const { source, learner } = useLearner();
  const learnerId = learner?.id ?? null;
  const confirmed = source === "server";
  // A layout effect runs before any page's effects, so a write made as a page opens (a lesson marked started) already
  // goes to this learner's queue.
  useLayoutEffect(() => {
    if (source !== "unknown") outbox.setLearner(learnerId, { confirmed });
  }, [source, learnerId, confirmed]);

  useEffect(() => {
    if (!learnerId || !confirmed) return;
    const flush = () => void outbox.flush();
    const onVisible = () => {
      if (document.visibilityState === "visible") flush();
    };
    // Another tab queued or delivered a write: count again.
    const onStorage = () => outbox.refresh();
    void adoptVisitorAttempts();
    window.addEventListener("online", flush);
    window.addEventListener("focus", flush);
    window.addEventListener("storage", onStorage);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", flush);
      window.removeEventListener("focus", flush);
      window.removeEventListener("storage", onStorage);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [learnerId, confirmed]);
  return null;
}
