import { mulberry32 } from "@/lib/engine/client";

/**
 * A queue in front of `workers` identical workers: requests arrive at `arrivalsPerSecond` (Poisson) and each takes
 * `serviceSeconds` on average (exponential). Steady state from the M/M/c formulas (Erlang C), and a seeded
 * simulation of the backlog over time, which also shows what the formulas cannot: a queue that never drains.
 */

export type QueueParams = { arrivalsPerSecond: number; serviceSeconds: number; workers: number };

export type SteadyState = {
  /** offered load per worker, λS/c; 1 or more never drains */
  utilisation: number;
  stable: boolean;
  /** chance an arriving request waits (Erlang C); 1 when unstable */
  waitChance: number;
  /** mean wait in the queue before service, seconds (Infinity when unstable) */
  meanWaitSeconds: number;
  /** mean time in the system: wait plus service (Infinity when unstable) */
  meanTimeSeconds: number;
  /** mean requests in the system, by Little's law L = λW (Infinity when unstable) */
  meanInSystem: number;
};

function checkParams({ arrivalsPerSecond, serviceSeconds, workers }: QueueParams): void {
  if (!(arrivalsPerSecond >= 0) || !Number.isFinite(arrivalsPerSecond))
    throw new RangeError("The arrival rate is a finite number of requests per second.");
  if (!(serviceSeconds > 0) || !Number.isFinite(serviceSeconds))
    throw new RangeError("The service time is a positive number of seconds.");
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError("Workers are a whole number of at least 1.");
}

/** Erlang C: the chance an arrival waits with `workers` servers and offered load `a` = λS erlangs (a < workers). */
export function erlangC(workers: number, a: number): number {
  // The Erlang B recursion is stable for large worker counts; C follows from B.
  let b = 1;
  for (let k = 1; k <= workers; k++) b = (a * b) / (k + a * b);
  const rho = a / workers;
  return b / (1 - rho + rho * b);
}

export function steadyState(params: QueueParams): SteadyState {
  checkParams(params);
  const { arrivalsPerSecond: lambda, serviceSeconds: s, workers } = params;
  const a = lambda * s;
  const utilisation = a / workers;
  if (utilisation >= 1) {
    return {
      utilisation,
      stable: false,
      waitChance: 1,
      meanWaitSeconds: Infinity,
      meanTimeSeconds: Infinity,
      meanInSystem: Infinity,
    };
  }
  const waitChance = lambda === 0 ? 0 : erlangC(workers, a);
  const meanWaitSeconds = lambda === 0 ? 0 : waitChance / (workers / s - lambda);
  const meanTimeSeconds = meanWaitSeconds + s;
  return {
    utilisation,
    stable: true,
    waitChance,
    meanWaitSeconds,
    meanTimeSeconds,
    meanInSystem: lambda * meanTimeSeconds,
  };
}

/** Mean time in the system relative to the service time, across utilisations: the hockey stick of one worker. */
export function latencyCurve(points: readonly number[]): { utilisation: number; multiple: number }[] {
  return points.map((utilisation) => ({ utilisation, multiple: utilisation < 1 ? 1 / (1 - utilisation) : Infinity }));
}

export type SimulationPoint = { second: number; waiting: number };

export type Simulation = {
  points: SimulationPoint[];
  /** requests served and their mean time in the system, seconds */
  served: number;
  meanTimeSeconds: number;
  /** requests still waiting when the run ends */
  backlog: number;
};

/** The largest number of arrivals a simulation runs, so a browser stays responsive. */
export const SIMULATION_MAX_ARRIVALS = 200_000;

/**
 * A seeded discrete-event run of `seconds`: the number waiting (not yet in service) sampled each second. The same
 * parameters and seed give the same run everywhere.
 */
export function simulateQueue(params: QueueParams, seconds: number, seed = 1): Simulation {
  checkParams(params);
  if (!(seconds > 0) || params.arrivalsPerSecond * seconds > SIMULATION_MAX_ARRIVALS)
    throw new RangeError(`A run lasts a positive time and holds at most ${SIMULATION_MAX_ARRIVALS} arrivals.`);
  const random = mulberry32(seed);
  const exponential = (mean: number) => -mean * Math.log(1 - random());
  const { arrivalsPerSecond: lambda, serviceSeconds: s, workers } = params;
  // When each worker is next free; requests are served first come, first served.
  const free = Array.from({ length: workers }, () => 0);
  const starts: number[] = [];
  let served = 0;
  let totalTime = 0;
  let t = lambda > 0 ? exponential(1 / lambda) : Infinity;
  while (t < seconds) {
    let soonest = 0;
    for (let i = 1; i < workers; i++) if (free[i]! < free[soonest]!) soonest = i;
    const start = Math.max(t, free[soonest]!);
    const finish = start + exponential(s);
    free[soonest] = finish;
    starts.push(t, start);
    if (finish <= seconds) {
      served++;
      totalTime += finish - t;
    }
    t += exponential(1 / lambda);
  }
  const points: SimulationPoint[] = [];
  for (let second = 0; second <= seconds; second++) {
    let waiting = 0;
    for (let i = 0; i < starts.length; i += 2) if (starts[i]! <= second && starts[i + 1]! > second) waiting++;
    points.push({ second, waiting });
  }
  return { points, served, meanTimeSeconds: served ? totalTime / served : 0, backlog: points.at(-1)!.waiting };
}
