import { sendJson, type SendResult } from "./send";

/** One write a learner makes, as the browser sends it (the same request the outbox replays). */
export type OutboxWrite = {
  method: "POST" | "PUT";
  /** a same-origin API path, e.g. "/api/reviews" */
  url: string;
  body: unknown;
  /** what the learner would call it ("a card rating"), for the message when the server refuses it for good */
  label: string;
  /**
   * While a write with this key waits, another one with the same key is not queued again. Defaults to the body's
   * `clientId`, so a resend of one answer is one entry; idempotent writes without one (lesson events) name their own.
   */
  key?: string;
  /** send with `keepalive`, so the request outlives a page the learner is leaving */
  keepalive?: boolean;
};

/** A write waiting on this device, in the order it was made. */
export type OutboxEntry = {
  id: string;
  method: "POST" | "PUT";
  url: string;
  body: unknown;
  label: string;
  queuedAt: number;
  /** sent with `keepalive` (a write made as the learner leaves a page) */
  keepalive?: boolean;
};

/**
 * What became of a write:
 * - `ok` / `refused`: the server stored it or refused it for good (it has left the outbox);
 * - `queued`: kept on this device for this learner, sent again when the server answers (`offline`) or when they sign
 *   in again (`signed-out`), with the last failure's HTTP status (null: no answer at all, the network is down);
 * - `unsent`: neither delivered nor kept (a visitor without an account, or storage full): the page should say so.
 */
export type WriteOutcome<T> =
  | { kind: "ok"; status: number; data: T }
  | { kind: "refused"; status: number; error: string; issues: Record<string, string> }
  | { kind: "queued"; reason: "offline" | "signed-out"; status: number | null }
  | { kind: "unsent"; status: number | null };

/** What the header shows: how many writes wait for the current learner and why. */
export type OutboxStatus = {
  learnerId: string | null;
  waiting: number;
  sending: boolean;
  /** why the head of the queue is stuck, or null when nothing is */
  blocked: "offline" | "signed-out" | null;
  /** when the next retry is due (epoch ms), while `blocked` is "offline" */
  retryAt: number | null;
  /** the latest write the server refused for good during a replay; `serial` grows so the page says it once */
  dropped: { serial: number; label: string; error: string } | null;
};

/** The part of `Storage` the outbox uses, so tests (and another backend) can stand in for localStorage. */
export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type OutboxOptions = {
  /** where entries live; null when there is none (server rendering, storage disabled) */
  storage: () => OutboxStorage | null;
  send: <T>(
    method: "POST" | "PUT",
    url: string,
    body: unknown,
    options?: { keepalive?: boolean },
  ) => Promise<SendResult<T>>;
  /** the clock, in epoch ms */
  now: () => number;
  newId: () => string;
  /** arm a retry timer; returns a function that disarms it */
  schedule: (run: () => void, delayMs: number) => () => void;
};

/**
 * How long a write made before the server has confirmed the learner (the first moments of a page load) waits for that
 * confirmation before it is reported as kept on the device.
 */
export const CONFIRM_WAIT_MS = 5_000;

/** At most this many writes wait per learner: a cap well inside localStorage's 5 MB, with room for other keys. */
export const MAX_OUTBOX_ENTRIES = 500;
/** At most this many characters of JSON per learner's queue (UTF-16, so about 2 MB). */
export const MAX_OUTBOX_CHARS = 1_000_000;

const KEY_PREFIX = "envelope:outbox:v2:";

/** The storage key of one learner's queue: keyed by user id, so one learner's writes never go with another's session. */
export function outboxKey(learnerId: string): string {
  return KEY_PREFIX + learnerId;
}

/**
 * How long to wait before the next retry after `failures` failed attempts in a row: 2 s doubling to a 5-minute cap.
 * No jitter: each browser retries its own queue, so there is no herd to spread, and tests can name the exact delays.
 */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2_000 * 2 ** Math.min(failures - 1, 20), 300_000);
}

/**
 * Whether a refusal is final: the server read the write and will never store it (400 bad body, 403, 404, 409 client
 * id reused with another body, 413, 415, 422…). 401 (the session ended), 408, 425 and 429 are not: the same write may
 * be stored later, so it waits.
 */
export function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 408, 425, 429].includes(status);
}

function isEntry(item: unknown): item is OutboxEntry {
  if (typeof item !== "object" || item === null) return false;
  const value = (key: string): unknown => Object.getOwnPropertyDescriptor(item, key)?.value;
  const method = value("method");
  const url = value("url");
  return (
    typeof value("id") === "string" &&
    (method === "POST" || method === "PUT") &&
    typeof url === "string" &&
    url.startsWith("/api/") &&
    typeof value("label") === "string" &&
    typeof value("queuedAt") === "number" &&
    "body" in item
  );
}

function clientIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const id: unknown = Object.getOwnPropertyDescriptor(body, "clientId")?.value;
  return typeof id === "string" ? id : undefined;
}

/** A retry that failed again for these reasons: the server or the network is down, or it asked to slow down. */
function isTransient(result: SendResult<unknown>): boolean {
  return result.kind === "unreachable" || (result.kind === "refused" && !isFinalRefusal(result.status));
}

/** The outbox: one queue per learner, replayed in order. Create one with `createOutbox`; the app uses `outbox`. */
export type Outbox = ReturnType<typeof createOutbox>;

/**
 * An outbox for every write a learner makes. Each learner's writes wait in their own queue (keyed by user id) and are
 * sent only while that learner is the one signed in, in the order they were made, each with its client id so the
 * server stores it exactly once however often it is replayed. A final refusal (4xx other than 401) drops the entry;
 * 401 keeps it for that learner's next session; a network error or 5xx keeps it and retries with backoff.
 */
export function createOutbox(options: OutboxOptions) {
  let learnerId: string | null = null;
  /** whether the server has said that `learnerId` is the session's learner: until then writes wait, none is sent */
  let confirmed = true;
  let failures = 0;
  /** the HTTP status of the last failed send, null when there was no answer at all */
  let lastStatus: number | null = null;
  let blocked: OutboxStatus["blocked"] = null;
  let retryAt: number | null = null;
  let cancelRetry: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let dropSerial = 0;
  let dropped: OutboxStatus["dropped"] = null;
  /** entries a `write` call is waiting on, and what became of them */
  const waiters = new Set<string>();
  const results = new Map<string, WriteOutcome<unknown>>();
  const listeners = new Set<() => void>();
  /** writes waiting for the server to confirm the learner */
  const confirmWaiters = new Set<() => void>();
  let status: OutboxStatus = { learnerId, waiting: 0, sending: false, blocked, retryAt, dropped };

  function read(id: string): OutboxEntry[] {
    try {
      const stored: unknown = JSON.parse(options.storage()?.getItem(outboxKey(id)) ?? "[]");
      return Array.isArray(stored) ? stored.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  /** Store a learner's queue; false when it does not fit (cap or quota) or there is no storage. */
  function store(id: string, entries: OutboxEntry[]): boolean {
    const storage = options.storage();
    if (!storage) return false;
    try {
      if (entries.length === 0) {
        storage.removeItem(outboxKey(id));
        return true;
      }
      const text = JSON.stringify(entries);
      if (entries.length > MAX_OUTBOX_ENTRIES || text.length > MAX_OUTBOX_CHARS) return false;
      storage.setItem(outboxKey(id), text);
      return true;
    } catch {
      return false; // quota exceeded or storage disabled
    }
  }

  function publish(sending = status.sending) {
    const waiting = learnerId ? read(learnerId).length : 0;
    status = { learnerId, waiting, sending, blocked: waiting > 0 ? blocked : null, retryAt, dropped };
    for (const listener of listeners) listener();
  }

  function armRetry(delayMs: number) {
    cancelRetry?.();
    retryAt = options.now() + delayMs;
    cancelRetry = options.schedule(() => {
      cancelRetry = null;
      void flush();
    }, delayMs);
  }

  function disarmRetry() {
    cancelRetry?.();
    cancelRetry = null;
    retryAt = null;
  }

  /** Queue a write for the current learner; the entry's id, or null when it could not be kept. */
  function enqueue(write: OutboxWrite): string | null {
    if (!learnerId) return null;
    const entries = read(learnerId);
    const key = write.key ?? clientIdOf(write.body);
    if (key && entries.some((entry) => entry.id === key)) return key; // already waiting: sent once, in its place
    const entry: OutboxEntry = {
      id: key ?? options.newId(),
      method: write.method,
      url: write.url,
      body: write.body,
      label: write.label,
      queuedAt: options.now(),
      ...(write.keepalive ? { keepalive: true } : {}),
    };
    if (!store(learnerId, [...entries, entry])) return null;
    publish();
    return entry.id;
  }

  function remove(owner: string, id: string) {
    store(
      owner,
      read(owner).filter((entry) => entry.id !== id),
    );
  }

  /** Send the current learner's queue from the head until it is empty or the head cannot be delivered now. */
  async function drain(owner: string) {
    publish(true);
    for (;;) {
      // Another learner signed in, or the session's learner is not confirmed yet: these writes must not go with it.
      if (learnerId !== owner || !confirmed) return;
      const head = read(owner)[0];
      if (!head) {
        failures = 0;
        blocked = null;
        disarmRetry();
        return;
      }
      const result = await options.send<unknown>(head.method, head.url, head.body, {
        keepalive: head.keepalive ?? false,
      });
      if (result.kind === "refused" && result.status === 401) {
        // The session ended: the write waits for this learner's next sign-in, never for anyone else's.
        blocked = "signed-out";
        disarmRetry();
        lastStatus = 401;
        if (waiters.has(head.id)) results.set(head.id, { kind: "queued", reason: "signed-out", status: 401 });
        return;
      }
      if (result.kind === "unreachable" || isTransient(result)) {
        failures += 1;
        blocked = "offline";
        lastStatus = result.status;
        armRetry(retryDelayMs(failures));
        return;
      }
      remove(owner, head.id);
      failures = 0;
      blocked = null;
      if (waiters.has(head.id)) results.set(head.id, result);
      else if (result.kind === "refused") {
        // A replay nobody is waiting for: say once, in the header, what was dropped and why.
        dropSerial += 1;
        dropped = { serial: dropSerial, label: head.label, error: result.error };
      }
      publish(true);
    }
  }

  /**
   * Send what waits for the current learner, in order. One run at a time per page: a call during a run makes the run
   * go round once more, so a write queued meanwhile is not left behind.
   */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const owner = learnerId;
    if (!owner || !confirmed) return Promise.resolve();
    running = (async () => {
      try {
        do {
          again = false;
          await drain(owner);
        } while (again && learnerId === owner && blocked === null);
      } finally {
        running = null;
        publish(false);
      }
      // Another learner signed in during the run: their own queue is sent now.
      if (again && learnerId !== null && learnerId !== owner) void flush();
    })();
    return running;
  }

  /**
   * Make a write: it joins the learner's queue behind any that wait, and the queue is sent. Resolves with what the
   * server said about this write, or `queued` when it waits on this device. A visitor's write is sent once, unqueued.
   */
  async function write<T>(request: OutboxWrite): Promise<WriteOutcome<T>> {
    const id = enqueue(request);
    if (id === null) {
      const result = await options.send<T>(request.method, request.url, request.body, {
        keepalive: request.keepalive ?? false,
      });
      return result.kind === "unreachable" ? { kind: "unsent", status: result.status } : result;
    }
    waiters.add(id);
    try {
      if (!confirmed) await confirmation();
      // A write made by the learner is a good moment to try a stuck queue again, backoff or not.
      await flush();
      const outcome = results.get(id);
      // The results map holds only entries a caller waits on, and each caller's outcome has its own `T`.
      return (
        (outcome as WriteOutcome<T> | undefined) ?? { kind: "queued", reason: blocked ?? "offline", status: lastStatus }
      );
    } finally {
      waiters.delete(id);
      results.delete(id);
    }
  }

  /** Resolves when the server confirms the learner, or after `CONFIRM_WAIT_MS` (offline, or an outage). */
  function confirmation(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        confirmWaiters.delete(done);
        cancel();
        resolve();
      };
      const cancel = options.schedule(done, CONFIRM_WAIT_MS);
      confirmWaiters.add(done);
    });
  }

  return {
    write,
    flush,
    enqueue,
    /**
     * The learner whose queue is sent (from the session); null for a visitor. Stops a run for another learner.
     * `confirmed: false` (the learner this device last saw, before the server has said who the session is): writes
     * join that learner's queue but none is sent until the same learner is set confirmed, which sends the queue.
     */
    setLearner(id: string | null, options: { confirmed?: boolean } = {}) {
      const nowConfirmed = options.confirmed ?? true;
      if (id === learnerId && nowConfirmed === confirmed) return;
      const becameConfirmed = id === learnerId && nowConfirmed && !confirmed;
      confirmed = nowConfirmed;
      if (!becameConfirmed) {
        learnerId = id;
        failures = 0;
        blocked = null;
        disarmRetry();
      }
      publish();
      if (confirmed) for (const release of [...confirmWaiters]) release();
      if (becameConfirmed) void flush();
    },
    /** Another tab changed storage: count again. */
    refresh() {
      publish();
    },
    /** Entries waiting for a learner, oldest first (for tests and the status). */
    pending(id: string): OutboxEntry[] {
      return read(id);
    },
    getStatus(): OutboxStatus {
      return status;
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserStorage(): OutboxStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (some private modes throw on access)
  }
}

/** The page's outbox: localStorage, `sendJson`, the real clock. Every learner write in components goes through it. */
export const outbox: Outbox = createOutbox({
  storage: browserStorage,
  send: sendJson,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  schedule: (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  },
});
