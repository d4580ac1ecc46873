import type { OutboxStatus } from "./outbox";

/** The few states the header can be in; the label is what it shows. */
export type SaveState = "saved" | "saving" | "offline" | "signed-out";

/** Which state the outbox is in, from the learner's point of view. */
export function saveState(status: OutboxStatus): SaveState {
  if (status.waiting === 0) return status.sending ? "saving" : "saved";
  if (status.blocked === "signed-out") return "signed-out";
  if (status.blocked === "offline" && !status.sending) return "offline";
  return "saving";
}

/** The header's words for a state: short enough for a 375 px screen beside the account menu. */
export function saveLabel(state: SaveState, waiting: number): string {
  switch (state) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "offline":
      return `Offline, will retry · ${waiting} waiting`;
    case "signed-out":
      return `Sign in to send · ${waiting} waiting`;
  }
}

/**
 * What a screen reader hears when the state changes from `before` to `after`, or null to stay quiet. Only the moments
 * that matter are spoken: writes start waiting, they are all delivered after waiting, the session must be renewed.
 * A quick "Saving…" → "Saved" round trip, or one more write joining a waiting queue, says nothing, so a learner rating
 * card after card is not interrupted at every key press.
 */
export function saveAnnouncement(before: SaveState, after: SaveState, waiting: number): string | null {
  if (before === after) return null;
  if (after === "offline") return `Envelope cannot be reached. ${saveLabel(after, waiting)}.`;
  if (after === "signed-out") return `You were signed out. ${saveLabel(after, waiting)}.`;
  if (after === "saved" && (before === "offline" || before === "signed-out"))
    return "Back online. Everything is saved.";
  return null;
}
