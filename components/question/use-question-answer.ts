"use client";

import { useRef, useState } from "react";
import { outbox } from "@/components/net/outbox";
import type {
  QuestionAnswerRequest,
  QuestionAnswered,
  QuestionResponseBody,
  QuestionSource,
} from "@/lib/progress/client";

export type QuestionStatus =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "answered"; verdict: QuestionAnswered; saved: "now" | "earlier" | "not-signed-in" }
  | { kind: "error"; message: string };

/**
 * Send the learner's pick to POST /api/questions and keep the verdict. One client id per answer: a retry after the
 * server could not be reached sends the same id, so the answer is stored once.
 */
export function useQuestionAnswer(questionId: string, source: QuestionSource, previous: QuestionAnswered | null) {
  const [status, setStatus] = useState<QuestionStatus>(() =>
    previous ? { kind: "answered", verdict: previous, saved: "earlier" } : { kind: "idle" },
  );
  const clientId = useRef<string | null>(null);

  async function submit(optionId: string): Promise<QuestionAnswered | null> {
    if (status.kind === "sending") return null;
    clientId.current ??= crypto.randomUUID();
    setStatus({ kind: "sending" });
    const body = { clientId: clientId.current, questionId, optionId, source } satisfies QuestionAnswerRequest;
    const result = await outbox.write<QuestionResponseBody>({
      method: "POST",
      url: "/api/questions",
      body,
      label: "an answer to a question",
    });
    if (result.kind === "ok") {
      clientId.current = null;
      const { duplicate: _duplicate, stored, ...verdict } = result.data;
      setStatus({ kind: "answered", verdict, saved: stored ? "now" : "not-signed-in" });
      return verdict;
    }
    if (result.kind === "refused") {
      clientId.current = null;
      setStatus({ kind: "error", message: result.error });
    } else if (result.kind === "queued") {
      // Kept with its client id: checking again later resends the same answer, and the outbox sends it meanwhile.
      setStatus({
        kind: "error",
        message: "Envelope could not be reached. Your answer is kept on this device and will be sent when it answers.",
      });
    } else {
      setStatus({ kind: "error", message: "The server could not be reached. Check again in a moment." });
    }
    return null;
  }

  /** Answer again: the verdict goes, and the next check is a new answer. */
  function reset() {
    clientId.current = null;
    setStatus({ kind: "idle" });
  }

  return { status, submit, reset };
}
