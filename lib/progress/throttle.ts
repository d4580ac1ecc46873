import "server-only";
import { db } from "./db";
import { normaliseEmail } from "./users";

/** One recent failed sign-in, as the throttle's policy sees it (relative to the email and address being tried). */
export type RecentFailure = { at: Date; sameEmail: boolean; sameAddress: boolean };

/** Advisory-lock namespaces (the first key of pg_advisory_xact_lock(int, int)), so the counters never share a lock. */
const EMAIL_LOCK = 1401;
const ADDRESS_LOCK = 1402;
const SIGN_UP_LOCK = 1403;

/** The tail of each key's queue in this process (see `inTurn`). */
const queues = new Map<string, Promise<void>>();

/**
 * Run `work` once every earlier call for the same key in this process has finished. The database's advisory locks make
 * the reservations atomic across processes; this queue keeps a burst on one key (a hundred guesses at once from one
 * address) from holding a hundred pooled connections while they wait on one lock, which would starve every other
 * request of a connection.
 */
async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  let release = () => {};
  const turn = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => turn);
  queues.set(key, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (queues.get(key) === tail) queues.delete(key);
  }
}

/**
 * Reserve one password check for `email` from `address` at `now`, atomically. In one transaction: lock the email's
 * counter, then the address's (always in that order, so two reservations cannot deadlock), read the failures since
 * `since` for either, and ask `decide`. When it refuses (returns a value), nothing is written and that value comes
 * back; when it allows (returns null), a failure row is written before the lock is released and its id comes back:
 * the check counts as a failure from the start, so concurrent guesses cannot all pass one count. A right password
 * then removes it with `releaseSignIn`.
 */
export async function reserveSignIn<R>(
  input: { email: string; address: string; since: Date; now: Date },
  decide: (failures: RecentFailure[]) => R | null,
): Promise<{ ok: true; reservation: bigint } | { ok: false; refusal: R }> {
  const email = normaliseEmail(input.email);
  const { address } = input;
  return inTurn(`email:${email}`, () => inTurn(`address:${address}`, () => reserveSignInNow(input, email, decide)));
}

async function reserveSignInNow<R>(
  input: { address: string; since: Date; now: Date },
  email: string,
  decide: (failures: RecentFailure[]) => R | null,
): Promise<{ ok: true; reservation: bigint } | { ok: false; refusal: R }> {
  const { address } = input;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMAIL_LOCK}::int, hashtext(${email}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${address}))`;
    // Failures of these two keys that have left the window are dropped while their locks are held.
    await tx.failedSignIn.deleteMany({ where: { at: { lte: input.since }, OR: [{ email }, { address }] } });
    const rows = await tx.failedSignIn.findMany({
      where: { at: { gt: input.since }, OR: [{ email }, { address }] },
      orderBy: { at: "asc" },
      select: { email: true, address: true, at: true },
    });
    const refusal = decide(
      rows.map((row) => ({ at: row.at, sameEmail: row.email === email, sameAddress: row.address === address })),
    );
    if (refusal !== null) return { ok: false as const, refusal };
    const row = await tx.failedSignIn.create({ data: { email, address, at: input.now }, select: { id: true } });
    return { ok: true as const, reservation: row.id };
  });
}

/**
 * The password was right: drop the reservation and this address's earlier failures for this email (other addresses'
 * failures stay, so a success does not reset an attacker's count), and any failure older than `staleBefore` (rows of
 * emails and addresses not tried again since; keep it well past the window).
 */
export async function releaseSignIn(input: {
  reservation: bigint;
  email: string;
  address: string;
  staleBefore: Date;
}): Promise<void> {
  await db().failedSignIn.deleteMany({
    where: {
      OR: [
        { id: input.reservation },
        { email: normaliseEmail(input.email), address: input.address },
        { at: { lt: input.staleBefore } },
      ],
    },
  });
}

/**
 * Reserve one sign-up from `address` at `now`, atomically (the address's lock, its sign-ups since `since`, `decide`,
 * then a row when allowed). The row stays whatever the sign-up's outcome, so each try counts.
 */
export async function reserveSignUp<R>(
  input: { address: string; since: Date; now: Date },
  decide: (recent: Date[]) => R | null,
): Promise<{ ok: true } | { ok: false; refusal: R }> {
  const { address } = input;
  return inTurn(`sign-up:${address}`, () => reserveSignUpNow(input, decide));
}

async function reserveSignUpNow<R>(
  input: { address: string; since: Date; now: Date },
  decide: (recent: Date[]) => R | null,
): Promise<{ ok: true } | { ok: false; refusal: R }> {
  const { address } = input;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_UP_LOCK}::int, hashtext(${address}))`;
    await tx.signUpAttempt.deleteMany({ where: { address, at: { lte: input.since } } });
    const rows = await tx.signUpAttempt.findMany({
      where: { address, at: { gt: input.since } },
      orderBy: { at: "asc" },
      select: { at: true },
    });
    const refusal = decide(rows.map((row) => row.at));
    if (refusal !== null) return { ok: false as const, refusal };
    await tx.signUpAttempt.create({ data: { address, at: input.now } });
    return { ok: true as const };
  });
}
