"use client";

import { useEffect } from "react";
import { useLearner } from "@/components/layout/learner";
import { LEARNER_MESSAGE } from "@/sw/cache-policy";

/**
 * Registers the service worker (public/sw.js, built by `serwist build`) in production builds on secure contexts
 * (https, or localhost), then tells it who is signed in so it can drop pages kept for another learner. Renders
 * nothing; without a worker the app works as before, only not offline.
 */
export function ServiceWorkerRegistration() {
  const { source, learner: signedIn } = useLearner();
  // Only the server's word empties kept pages: a learner remembered on this device may be out of date.
  const learner = source === "server" ? (signedIn?.id ?? null) : undefined;
  useEffect(() => {
    if (process.env.NODE_ENV !== "production") return;
    if (!window.isSecureContext || !("serviceWorker" in navigator)) return;
    let active = true;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/", updateViaCache: "none" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (active && learner !== undefined)
          registration.active?.postMessage({ type: LEARNER_MESSAGE, learner: learner ?? "" });
      })
      .catch((error: unknown) => {
        console.warn("Offline reading is unavailable: the service worker did not register.", error);
      });
    return () => {
      active = false;
    };
  }, [learner]);
  return null;
}
