import { describe, expect, test } from "vitest";
import type { OutboxStatus } from "@/components/net/outbox";
import { saveAnnouncement, saveLabel, saveState, type SaveState } from "@/components/net/outbox-status";

function status(overrides: Partial<OutboxStatus>): OutboxStatus {
  return { learnerId: "ada", waiting: 0, sending: false, blocked: null, retryAt: null, dropped: null, ...overrides };
}

describe("the header's state follows the outbox", () => {
  test.each([
    { label: "nothing waits", given: status({}), state: "saved", text: "Saved" },
    { label: "a write on its way", given: status({ waiting: 1, sending: true }), state: "saving", text: "Saving…" },
    {
      label: "a write in flight before it is counted",
      given: status({ sending: true }),
      state: "saving",
      text: "Saving…",
    },
    {
      label: "two wait for the server",
      given: status({ waiting: 2, blocked: "offline" }),
      state: "offline",
      text: "Offline, will retry · 2 waiting",
    },
    {
      label: "a retry under way after an outage",
      given: status({ waiting: 2, blocked: "offline", sending: true }),
      state: "saving",
      text: "Saving…",
    },
    {
      label: "the session ended",
      given: status({ waiting: 1, blocked: "signed-out" }),
      state: "signed-out",
      text: "Sign in to send · 1 waiting",
    },
  ])("$label → $text", ({ given, state, text }) => {
    expect(saveState(given)).toBe(state);
    expect(saveLabel(saveState(given), given.waiting)).toBe(text);
  });
});

describe("the live region speaks only the transitions that matter", () => {
  test.each<{ label: string; before: SaveState; after: SaveState; said: string | null }>([
    { label: "a quick save starts", before: "saved", after: "saving", said: null },
    { label: "a quick save ends", before: "saving", after: "saved", said: null },
    { label: "no change", before: "offline", after: "offline", said: null },
    {
      label: "the server cannot be reached",
      before: "saving",
      after: "offline",
      said: "Envelope cannot be reached. Offline, will retry · 3 waiting.",
    },
    { label: "a retry starts", before: "offline", after: "saving", said: null },
    {
      label: "all delivered after waiting",
      before: "offline",
      after: "saved",
      said: "Back online. Everything is saved.",
    },
    {
      label: "signed out",
      before: "saving",
      after: "signed-out",
      said: "You were signed out. Sign in to send · 3 waiting.",
    },
  ])("$label", ({ before, after, said }) => {
    expect(saveAnnouncement(before, after, 3)).toBe(said);
  });

  test("a learner rating card after card online hears nothing from the header", () => {
    const states: SaveState[] = ["saved", "saving", "saved", "saving", "saved", "saving", "saved"];
    const spoken = states.slice(1).map((after, i) => saveAnnouncement(states[i] ?? "saved", after, 0));
    expect(spoken.filter((said) => said !== null)).toEqual([]);
  });
});
