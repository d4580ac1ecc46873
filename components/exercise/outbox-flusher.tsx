"use client";

import { useEffect } from "react";
import { adoptVisitorAttempts } from "./submit";

/**
 * For a signed-in learner: sends answers saved while offline (from any page, even one since closed) and the attempts
 * made as a visitor before signing in, when a page loads and when the browser comes back online.
 */
export function OutboxFlusher() {
  useEffect(() => {
    const flush = () => void adoptVisitorAttempts();
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, []);
  return null;
}
