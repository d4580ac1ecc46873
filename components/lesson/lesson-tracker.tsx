"use client";

import { useEffect, useRef } from "react";
import { sendJson } from "@/components/net/send";
import type { LessonEventRequest, LessonProgressResponseBody } from "@/lib/progress/client";

export type LessonTrackerProps = { lessonId: string; completed: boolean };

function record(lessonId: string, event: LessonEventRequest["event"]) {
  // keepalive: the completion is sent even when the learner leaves the page right away.
  void sendJson<LessonProgressResponseBody>(
    "POST",
    `/api/lessons/${encodeURIComponent(lessonId)}/progress`,
    { event },
    { keepalive: true },
  );
}

/**
 * Marks the lesson started when it is opened, and complete when its end scrolls into view (which adds its flashcards
 * to the review deck; opening it does not). Placed at the end of the lesson; renders a short note there.
 */
export function LessonTracker({ lessonId, completed }: LessonTrackerProps) {
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    record(lessonId, "started");
  }, [lessonId]);
  useEffect(() => {
    const node = end.current;
    if (completed || !node) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        record(lessonId, "completed");
        observer.disconnect();
      }
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [lessonId, completed]);
  return (
    <p ref={end} className="text-sm text-muted">
      {completed
        ? "You have completed this lesson; its cards are in your review deck."
        : "Reaching this point marks the lesson complete. Its cards then join your review deck."}
    </p>
  );
}
