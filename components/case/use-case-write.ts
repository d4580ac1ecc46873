"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { sendJson } from "@/components/net/send";
import type { CaseWrite, CaseWriteResponseBody, Json } from "@/lib/progress/client";

/** A case write's body without its client id (the hook adds one per write). */
export type CaseWriteBody = CaseWrite extends infer T ? (T extends CaseWrite ? Omit<T, "clientId"> : never) : never;

/**
 * Send one write of a case (with a fresh client id) and, when it is stored, refresh the page so the server renders
 * what the new state reveals. `error` says why the last write failed.
 */
export function useCaseWrite() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const write = useCallback(
    async (body: CaseWriteBody, options: { refresh?: boolean; keepalive?: boolean } = {}): Promise<boolean> => {
      setBusy(true);
      const result = await sendJson<Json<CaseWriteResponseBody>>(
        "POST",
        "/api/cases",
        { clientId: crypto.randomUUID(), ...body },
        { keepalive: options.keepalive ?? false },
      );
      setBusy(false);
      if (result.kind === "ok") {
        setError(null);
        if (options.refresh ?? true) router.refresh();
        return true;
      }
      setError(
        result.kind === "refused"
          ? result.error
          : "Envelope could not be reached. Check your connection and try again.",
      );
      return false;
    },
    [router],
  );
  return { write, busy, error };
}
