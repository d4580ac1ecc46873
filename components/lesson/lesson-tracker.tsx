"use client";

import { useEffect, useRef } from "react";
import { outbox } from "@/components/net/outbox";
import type { LessonEventRequest, LessonProgressResponseBody } from "@/lib/progress/client";

export type LessonTrackerProps = { lessonId: string; completed: boolean };

function record(lessonId: string, event: LessonEventRequest["event"]) {
  // Both events are idempotent on the server, so one waiting copy of each is enough (`key`). keepalive: the
  // completion is sent even when the learner leaves the page right away; offline, it waits in the outbox.
  void outbox.write<LessonProgressResponseBody>({
    method: "POST",
    url: `/api/lessons/${encodeURIComponent(lessonId)}/progress`,
    body: { event },
    label: event === "completed" ? "completing a lesson" : "opening a lesson",
    key: `lesson:${lessonId}:${event}`,
    keepalive: true,
  });
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
