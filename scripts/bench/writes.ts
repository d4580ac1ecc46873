// The bookkeeping of the bench's writes: which client ids were sent, which the server acknowledged, which were cut off
// when the run stopped, and whether the rows stored match. Pure: the random draw is an argument, the rows are read by
// the caller.

/** One write request as sent: its client id, and the exact headers and body that a retry resends whole. */
export type WriteRequest = { clientId: string; headers: Record<string, string>; body: string };

/** A non-2xx answer's status, how many times it came, and the first body that came with it. */
export type Failure = { status: number; count: number; body: string };

/** What the client side saw of a run of writes. */
export type WriteLog = {
  /** each client id's first send, in order; a retry picks one of these */
  readonly fresh: WriteRequest[];
  /** resends of an earlier request, whole, and how many of them were answered 2xx */
  retries: number;
  retriesAcknowledged: number;
  /** client ids answered 2xx at least once (by their first send or by a retry) */
  readonly acknowledged: Set<string>;
  /** client ids answered at all, 2xx or not */
  readonly answered: Set<string>;
  /** non-2xx answers by status */
  readonly failures: Map<number, Failure>;
};

/** The per-request hooks autocannon calls, bound to one log. */
export type Writer = {
  log: WriteLog;
  setupRequest: <R extends { headers?: object; body?: unknown }>(request: R, context: object) => R;
  onResponse: (status: number, body: string, context: object) => void;
};

/**
 * A writer that sends a fresh request from `fresh` each time, except a share `retryShare` of requests that resend an
 * earlier one whole (a client retrying). With a one-entry request list and no pipelining (autocannon's default), each
 * request gets a context object of its own (autocannon starts a fresh one each time it wraps round the list) and
 * `onResponse` receives the context of the request answered, so the request is found again from its context when its
 * answer arrives. A request whose answer never arrives (in flight when the run stops, or on a connection that timed
 * out) is never acknowledged.
 */
export function writer(fresh: () => WriteRequest, random: () => number, retryShare = 0.1): Writer {
  const log: WriteLog = {
    fresh: [],
    retries: 0,
    retriesAcknowledged: 0,
    acknowledged: new Set(),
    answered: new Set(),
    failures: new Map(),
  };
  const inFlight = new WeakMap<object, { request: WriteRequest; retry: boolean }>();
  return {
    log,
    setupRequest: (request, context) => {
      const earlier = log.fresh.length > 0 && random() < retryShare;
      const picked = earlier ? log.fresh[Math.floor(random() * log.fresh.length)] : undefined;
      const sent = picked ?? fresh();
      if (picked) log.retries++;
      else log.fresh.push(sent);
      inFlight.set(context, { request: sent, retry: picked !== undefined });
      return { ...request, body: sent.body, headers: { ...request.headers, ...sent.headers } };
    },
    onResponse: (status, body, context) => {
      const sent = inFlight.get(context);
      if (!sent) throw new Error(`an answer (HTTP ${status}) arrived for a request the bench did not send`);
      inFlight.delete(context);
      log.answered.add(sent.request.clientId);
      if (status >= 200 && status < 300) {
        log.acknowledged.add(sent.request.clientId);
        if (sent.retry) log.retriesAcknowledged++;
        return;
      }
      const failure = log.failures.get(status);
      if (failure) failure.count++;
      else log.failures.set(status, { status, count: 1, body: body.slice(0, 300) });
    },
  };
}

/** The rows stored for a run's client ids, checked against what the server acknowledged. */
export type WriteCheck = {
  unique: number;
  acknowledged: number;
  storedAcknowledged: number;
  /** client ids with more than one row */
  storedTwice: number;
  /** sent, never answered (in flight when the run stopped, or timed out): each may or may not be stored */
  cutOff: number;
  storedCutOff: number;
  /** answered, but never with 2xx */
  refused: number;
  storedRefused: number;
  /** what breaks the rule "every acknowledged id stored, once; nothing stored twice", empty when it holds */
  problems: string[];
};

/** Compare `rows` (client id → rows stored with it) with `log`: every acknowledged id stored once, none twice. */
export function checkStored(log: WriteLog, rows: ReadonlyMap<string, number>): WriteCheck {
  const ids = log.fresh.map((request) => request.clientId);
  const stored = (id: string) => (rows.get(id) ?? 0) > 0;
  const cutOff = ids.filter((id) => !log.answered.has(id));
  const refused = ids.filter((id) => log.answered.has(id) && !log.acknowledged.has(id));
  const acknowledged = [...log.acknowledged];
  const storedAcknowledged = acknowledged.filter(stored).length;
  const storedTwice = [...rows.values()].filter((n) => n > 1).length;
  const problems: string[] = [];
  if (storedAcknowledged !== acknowledged.length)
    problems.push(`${acknowledged.length - storedAcknowledged} of ${acknowledged.length} acknowledged ids not stored`);
  if (storedTwice > 0) problems.push(`${storedTwice} ids stored more than once`);
  return {
    unique: ids.length,
    acknowledged: acknowledged.length,
    storedAcknowledged,
    storedTwice,
    cutOff: cutOff.length,
    storedCutOff: cutOff.filter(stored).length,
    refused: refused.length,
    storedRefused: refused.filter(stored).length,
    problems,
  };
}

/** "403 × 12, 502 × 1": non-2xx answers by status, most frequent first. */
export function failuresByStatus(log: WriteLog): string {
  return [...log.failures.values()]
    .sort((a, b) => b.count - a.count || a.status - b.status)
    .map((failure) => `${failure.status} × ${failure.count}`)
    .join(", ");
}
