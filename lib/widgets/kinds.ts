/**
 * The widgets a lesson can place with `<Playground kind="…" predict="…" />`. Each one starts from the givens of its
 * prediction exercise, so the numbers the learner predicted from are the numbers it runs: `givens` names the givens
 * (and their units, as the exercise writes them) the widget reads.
 */
export const PLAYGROUND_KINDS = {
  "cache-tiers": {
    title: "Cache tiers in front of a database",
    givens: { reads: "requests/s", hit1: "%", hit2: "%" },
  },
  "hash-ring": {
    title: "A consistent-hashing ring beside mod-N",
    givens: { nodes: "servers", vnodes: "" },
  },
  quorum: {
    title: "Quorum reads and writes",
    givens: { n: "", w: "" },
  },
  "rate-limiter": {
    title: "A token bucket and a sliding window",
    givens: { capacity: "requests", refill: "requests/s", burst: "requests" },
  },
  queue: {
    title: "A queue in front of workers",
    givens: { arrivals: "requests/s", service: "ms", workers: "" },
  },
  "slo-budget": {
    title: "An error budget over 28 days",
    givens: { target: "%", incident: "minutes" },
  },
} as const satisfies Record<string, { title: string; givens: Record<string, string> }>;

export type PlaygroundKind = keyof typeof PLAYGROUND_KINDS;

export function isPlaygroundKind(kind: string): kind is PlaygroundKind {
  return Object.hasOwn(PLAYGROUND_KINDS, kind);
}

/** The starting values of a widget: each given's number, in the unit the exercise writes it ("4 servers" → 4). */
export function startingValues(givens: readonly { name: string; expression: string }[]): Record<string, number> {
  return Object.fromEntries(givens.map((given) => [given.name, Number.parseFloat(given.expression)]));
}
