import { describe, expect, test } from "vitest";
import {
  CONFIRM_WAIT_MS,
  createOutbox,
  isFinalRefusal,
  MAX_OUTBOX_ENTRIES,
  outboxKey,
  retryDelayMs,
  type OutboxStorage,
} from "@/components/net/outbox";
import type { SendResult } from "@/components/net/send";

type Sent = { method: string; url: string; body: unknown; session: string | null };
type Answer = SendResult<unknown>;

/** An outbox over an in-memory storage, a scripted server and a hand-driven clock and timer. */
function harness() {
  const data = new Map<string, string>();
  const storage: OutboxStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
  const sent: Sent[] = [];
  let clock = 1_000_000;
  let ids = 0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const state = {
    /** the learner whose session cookie the browser holds */
    session: null as string | null,
    /** how the server answers the next requests (the last one repeats) */
    answers: [] as ((request: Sent) => Answer)[],
  };
  const ok = (status = 201): Answer => ({ kind: "ok", status, data: { stored: true } });
  const outbox = createOutbox({
    storage: () => storage,
    send: async <T>(method: "POST" | "PUT", url: string, body: unknown) => {
      const request = { method, url, body, session: state.session };
      sent.push(request);
      const answer = (state.answers.length > 1 ? state.answers.shift() : state.answers[0]) ?? (() => ok());
      // The scripted answers carry no typed body; these tests read only `kind` and `status`.
      return answer(request) as SendResult<T>;
    },
    now: () => clock,
    newId: () => `generated-${++ids}`,
    schedule: (run, delayMs) => {
      const timer = { at: clock + delayMs, run, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
  });
  return {
    outbox,
    data,
    sent,
    state,
    ok,
    /** move the clock on and fire the timers now due */
    async advance(ms: number) {
      clock += ms;
      for (const timer of timers.filter((t) => t.live && t.at <= clock)) {
        timer.live = false;
        timer.run();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    liveTimers: () => timers.filter((t) => t.live).map((t) => t.at - clock),
  };
}

const down: () => Answer = () => ({ kind: "unreachable", status: null });
const outage: () => Answer = () => ({ kind: "unreachable", status: 503 });
const refusedWith =
  (status: number): (() => Answer) =>
  () => ({ kind: "refused", status, error: `refused with ${status}`, issues: {} });

function rating(clientId: string) {
  return {
    method: "POST" as const,
    url: "/api/reviews",
    body: { clientId, cardId: "c", rating: 3 },
    label: "a rating",
  };
}

describe("the outbox keeps every write of a learner until the server answers", () => {
  test("online, a write is sent at once and leaves nothing behind", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.session = "ada";
    expect(await h.outbox.write(rating("r1"))).toMatchObject({ kind: "ok", status: 201 });
    expect(h.sent.map((s) => s.body)).toEqual([rating("r1").body]);
    expect(h.outbox.pending("ada")).toEqual([]);
    expect(h.outbox.getStatus()).toMatchObject({ waiting: 0, sending: false, blocked: null });
  });

  test("a write made before the server confirms the learner waits for it, then is sent and answered", async () => {
    const h = harness();
    h.state.session = "ada";
    h.outbox.setLearner("ada", { confirmed: false });
    const pending = h.outbox.write(rating("r1"));
    await h.outbox.flush();
    expect(h.sent).toEqual([]);
    expect(h.outbox.pending("ada")).toHaveLength(1);

    h.outbox.setLearner("ada", { confirmed: true });
    expect(await pending).toMatchObject({ kind: "ok", status: 201 });
    expect(h.sent.map((s) => s.body)).toEqual([rating("r1").body]);
    expect(h.outbox.pending("ada")).toEqual([]);
  });

  test("with no confirmation (offline), such a write is kept for the learner this device last saw", async () => {
    const h = harness();
    h.outbox.setLearner("ada", { confirmed: false });
    const pending = h.outbox.write(rating("r1"));
    await h.advance(CONFIRM_WAIT_MS);
    expect(await pending).toMatchObject({ kind: "queued" });
    expect(h.sent).toEqual([]);
    expect(h.outbox.pending("ada")).toHaveLength(1);
  });

  test("when the server says someone else is signed in, the hinted learner's writes stay on the device", async () => {
    const h = harness();
    h.state.session = "bob";
    h.outbox.setLearner("ada", { confirmed: false });
    const pending = h.outbox.write(rating("r1"));
    h.outbox.setLearner("bob", { confirmed: true });
    expect(await pending).toMatchObject({ kind: "queued" });
    await h.outbox.flush();
    expect(h.sent).toEqual([]);
    expect(h.outbox.pending("ada")).toHaveLength(1);
    expect(h.outbox.getStatus()).toMatchObject({ learnerId: "bob", waiting: 0 });
  });

  test.each([
    { label: "no network", answer: down, status: null },
    { label: "a 503 from a database outage", answer: outage, status: 503 },
    { label: "429 slow down", answer: refusedWith(429), status: 429 },
  ])("$label: the write waits and the header counts it", async ({ answer, status }) => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [answer];
    expect(await h.outbox.write(rating("r1"))).toEqual({ kind: "queued", reason: "offline", status });
    expect(await h.outbox.write(rating("r2"))).toEqual({ kind: "queued", reason: "offline", status });
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["r1", "r2"]);
    expect(h.outbox.getStatus()).toMatchObject({ waiting: 2, blocked: "offline", sending: false });
  });

  test("replayed in the order made, each with its own body, when the server answers again", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    for (const id of ["r1", "r2", "r3"]) await h.outbox.write(rating(id));
    h.state.answers = [() => h.ok()];
    h.sent.length = 0;
    await h.outbox.flush();
    expect(h.sent.map((s) => (s.body as { clientId: string }).clientId)).toEqual(["r1", "r2", "r3"]);
    expect(h.outbox.getStatus()).toMatchObject({ waiting: 0, blocked: null });
  });

  test("a later write waits behind earlier ones and is not sent before them", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("r1"));
    h.sent.length = 0;
    h.state.answers = [() => h.ok()];
    expect(await h.outbox.write(rating("r2"))).toMatchObject({ kind: "ok" });
    expect(h.sent.map((s) => (s.body as { clientId: string }).clientId)).toEqual(["r1", "r2"]);
  });

  test("the head stuck on an outage holds back the rest: nothing is sent out of order", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [outage];
    await h.outbox.write(rating("r1"));
    await h.outbox.write(rating("r2"));
    expect(new Set(h.sent.map((s) => (s.body as { clientId: string }).clientId))).toEqual(new Set(["r1"]));
  });

  test("the same client id queued twice is one entry and is sent once", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("r1"));
    await h.outbox.write(rating("r1"));
    expect(h.outbox.pending("ada")).toHaveLength(1);
    h.state.answers = [() => h.ok()];
    h.sent.length = 0;
    await h.outbox.flush();
    expect(h.sent).toHaveLength(1);
  });

  test("writes without a client id are kept apart unless they name a key", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    const settings = { method: "PUT" as const, url: "/api/settings", body: { minutesPerDay: 20 }, label: "settings" };
    await h.outbox.write(settings);
    await h.outbox.write(settings);
    const lesson = { method: "POST" as const, url: "/api/lessons/a/progress", body: { event: "started" } };
    await h.outbox.write({ ...lesson, label: "lesson", key: "lesson:a:started" });
    await h.outbox.write({ ...lesson, label: "lesson", key: "lesson:a:started" });
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["generated-1", "generated-2", "lesson:a:started"]);
  });
});

describe("a refusal for good drops the write; anything else keeps it", () => {
  test.each([400, 403, 404, 409, 413, 415, 422])("%i drops the entry and the queue goes on", async (status) => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("bad"));
    await h.outbox.write(rating("good"));
    h.state.answers = [refusedWith(status), () => h.ok()];
    await h.outbox.flush();
    expect(h.outbox.pending("ada")).toEqual([]);
    // Nobody waits on a replay, so the header says once what was dropped and why.
    expect(h.outbox.getStatus().dropped).toEqual({ serial: 1, label: "a rating", error: `refused with ${status}` });
    expect(h.sent.at(-1)?.body).toEqual(rating("good").body);
  });

  test("a refusal of a live write goes to its page, not the header", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [refusedWith(422)];
    expect(await h.outbox.write(rating("bad"))).toMatchObject({ kind: "refused", status: 422 });
    expect(h.outbox.getStatus().dropped).toBeNull();
    expect(h.outbox.pending("ada")).toEqual([]);
  });

  test("a dropped entry is not sent again on the next load", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("bad"));
    h.state.answers = [refusedWith(400)];
    await h.outbox.flush();
    h.sent.length = 0;
    await h.outbox.flush();
    await h.outbox.flush();
    expect(h.sent).toEqual([]);
  });

  test.each([
    { label: "network error", answer: down },
    { label: "503", answer: outage },
    { label: "500", answer: () => ({ kind: "unreachable", status: 500 }) satisfies Answer },
  ])("$label keeps the entry", async ({ answer }) => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [answer];
    await h.outbox.write(rating("r1"));
    await h.outbox.flush();
    await h.outbox.flush();
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["r1"]);
  });

  test("401 keeps the write for that learner and says they must sign in again", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [refusedWith(401)];
    expect(await h.outbox.write(rating("r1"))).toEqual({ kind: "queued", reason: "signed-out", status: 401 });
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["r1"]);
    expect(h.outbox.getStatus()).toMatchObject({ waiting: 1, blocked: "signed-out", retryAt: null });
  });

  test.each([
    { status: 400, final: true },
    { status: 401, final: false },
    { status: 403, final: true },
    { status: 408, final: false },
    { status: 409, final: true },
    { status: 429, final: false },
    { status: 499, final: true },
    { status: 500, final: false },
    { status: 200, final: false },
  ])("HTTP $status final: $final", ({ status, final }) => {
    expect(isFinalRefusal(status)).toBe(final);
  });
});

describe("each learner has their own queue", () => {
  test("queues are stored under the learner's user id", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("ada-1"));
    h.outbox.setLearner("bob");
    await h.outbox.write(rating("bob-1"));
    expect([...h.data.keys()].sort()).toEqual([outboxKey("ada"), outboxKey("bob")]);
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["ada-1"]);
    expect(h.outbox.pending("bob").map((e) => e.id)).toEqual(["bob-1"]);
  });

  test("another learner signing in on the same browser never sends the first learner's writes", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.session = "ada";
    h.state.answers = [down];
    await h.outbox.write(rating("ada-1"));
    // Ada's session ends; Bob signs in on this browser and the server answers again.
    h.state.session = "bob";
    h.state.answers = [() => h.ok()];
    h.outbox.setLearner("bob");
    h.sent.length = 0;
    await h.outbox.flush();
    await h.outbox.write(rating("bob-1"));
    expect(h.sent.map((s) => [s.session, (s.body as { clientId: string }).clientId])).toEqual([["bob", "bob-1"]]);
    expect(h.outbox.getStatus().waiting).toBe(0);
    // Ada's write is still here when she comes back, and goes with her session.
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["ada-1"]);
    h.state.session = "ada";
    h.outbox.setLearner("ada");
    h.sent.length = 0;
    await h.outbox.flush();
    expect(h.sent.map((s) => [s.session, (s.body as { clientId: string }).clientId])).toEqual([["ada", "ada-1"]]);
    expect(h.outbox.pending("ada")).toEqual([]);
  });

  test("a run for one learner stops when another signs in half-way", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    await h.outbox.write(rating("ada-1"));
    await h.outbox.write(rating("ada-2"));
    h.state.answers = [
      () => {
        h.outbox.setLearner("bob");
        return h.ok();
      },
      () => h.ok(),
    ];
    h.sent.length = 0;
    await h.outbox.flush();
    expect(h.sent).toHaveLength(1);
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["ada-2"]);
  });

  test("a visitor's write is sent once and never queued", async () => {
    const h = harness();
    h.state.answers = [down];
    expect(await h.outbox.write(rating("v1"))).toEqual({ kind: "unsent", status: null });
    expect(h.data.size).toBe(0);
  });
});

describe("retries back off", () => {
  test.each([
    { failures: 0, delayMs: 0 },
    { failures: 1, delayMs: 2_000 },
    { failures: 2, delayMs: 4_000 },
    { failures: 5, delayMs: 32_000 },
    { failures: 8, delayMs: 256_000 },
    { failures: 9, delayMs: 300_000 },
    { failures: 1_000, delayMs: 300_000 },
  ])("after $failures failures: $delayMs ms", ({ failures, delayMs }) => {
    expect(retryDelayMs(failures)).toBe(delayMs);
  });

  test("each failed retry waits twice as long, and a success resets the wait", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [outage];
    await h.outbox.write(rating("r1"));
    expect(h.liveTimers()).toEqual([2_000]);
    await h.advance(1_999);
    expect(h.sent).toHaveLength(1);
    await h.advance(1);
    expect(h.sent).toHaveLength(2);
    expect(h.liveTimers()).toEqual([4_000]);
    await h.advance(4_000);
    expect(h.sent).toHaveLength(3);
    expect(h.liveTimers()).toEqual([8_000]);
    h.state.answers = [() => h.ok()];
    await h.advance(8_000);
    expect(h.outbox.pending("ada")).toEqual([]);
    expect(h.liveTimers()).toEqual([]);
    h.state.answers = [outage];
    await h.outbox.write(rating("r2"));
    expect(h.liveTimers()).toEqual([2_000]);
  });
});

describe("storage has a cap", () => {
  test("past the cap a write is not kept, and the page hears it was not sent", async () => {
    const h = harness();
    h.outbox.setLearner("ada");
    h.state.answers = [down];
    const full = Array.from({ length: MAX_OUTBOX_ENTRIES }, (_, i) => ({
      id: `old-${i}`,
      method: "POST",
      url: "/api/reviews",
      body: { clientId: `old-${i}` },
      label: "a rating",
      queuedAt: 0,
    }));
    h.data.set(outboxKey("ada"), JSON.stringify(full));
    expect(await h.outbox.write(rating("one-too-many"))).toEqual({ kind: "unsent", status: null });
    expect(h.outbox.pending("ada")).toHaveLength(MAX_OUTBOX_ENTRIES);
  });

  test("what storage holds is read defensively: malformed entries are skipped", () => {
    const h = harness();
    h.data.set(
      outboxKey("ada"),
      JSON.stringify([
        { id: "x", method: "DELETE", url: "/api/reviews", body: {}, label: "", queuedAt: 0 },
        { id: "y", method: "POST", url: "https://evil.example/api", body: {}, label: "", queuedAt: 0 },
        { id: "z", method: "POST", url: "/api/reviews", body: {}, label: "a rating", queuedAt: 0 },
      ]),
    );
    expect(h.outbox.pending("ada").map((e) => e.id)).toEqual(["z"]);
    h.data.set(outboxKey("bob"), "{not json");
    expect(h.outbox.pending("bob")).toEqual([]);
  });
});
