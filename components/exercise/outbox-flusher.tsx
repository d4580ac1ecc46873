"use client";

import { useEffect } from "react";
import { flushOutbox } from "./submit";

/** Sends answers saved while offline (from any page, even one since closed) when a page loads and when the browser comes back online. */
export function OutboxFlusher() {
  useEffect(() => {
    const flush = () => void flushOutbox();
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, []);
  return null;
}
