/**
 * A physical dimension as exponents over the three base quantities the engine knows: data (bytes), time (seconds)
 * and money (US dollars). Counts (requests, users, servers) are dimensionless: all exponents zero.
 * Derived dimensions fall out of the exponents: a rate is time⁻¹, a bandwidth data·time⁻¹, a cost money·time⁻¹,
 * a storage price money·data⁻¹·time⁻¹.
 */
export type Dimension = { readonly data: number; readonly time: number; readonly money: number };

const interned = new Map<number, Dimension>();

function keyOf(data: number, time: number, money: number): number {
  return (data + 64) * 16_384 + (time + 64) * 128 + (money + 64);
}

/** The shared Dimension object for these exponents (interned, so the common ones are never reallocated). */
export function dimensionOf(data: number, time: number, money: number): Dimension {
  const key = keyOf(data, time, money);
  const found = interned.get(key);
  if (found !== undefined) return found;
  const dim: Dimension = Object.freeze({ data, time, money });
  interned.set(key, dim);
  return dim;
}

export const COUNT = dimensionOf(0, 0, 0);
export const DATA = dimensionOf(1, 0, 0);
export const TIME = dimensionOf(0, 1, 0);
export const MONEY = dimensionOf(0, 0, 1);
export const RATE = dimensionOf(0, -1, 0);
export const BANDWIDTH = dimensionOf(1, -1, 0);
export const COST = dimensionOf(0, -1, 1);
export const PRICE_PER_DATA = dimensionOf(-1, 0, 1);
export const STORAGE_PRICE = dimensionOf(-1, -1, 1);

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a === b || (a.data === b.data && a.time === b.time && a.money === b.money);
}

export function isDimensionless(d: Dimension): boolean {
  return d.data === 0 && d.time === 0 && d.money === 0;
}

export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  if (isDimensionless(b)) return a;
  if (isDimensionless(a)) return b;
  return dimensionOf(a.data + b.data, a.time + b.time, a.money + b.money);
}

export function divideDimensions(a: Dimension, b: Dimension): Dimension {
  if (isDimensionless(b)) return a;
  return dimensionOf(a.data - b.data, a.time - b.time, a.money - b.money);
}

export function powerDimension(a: Dimension, exponent: number): Dimension {
  if (isDimensionless(a)) return a;
  return dimensionOf(a.data * exponent, a.time * exponent, a.money * exponent);
}

type DimensionWords = { readonly noun: string; readonly phrase: string };

const NAMED = new Map<Dimension, DimensionWords>([
  [COUNT, { noun: "count", phrase: "a count" }],
  [DATA, { noun: "data", phrase: "an amount of data" }],
  [TIME, { noun: "time", phrase: "a time" }],
  [MONEY, { noun: "money", phrase: "an amount of money" }],
  [RATE, { noun: "rate", phrase: "a rate (count per time)" }],
  [BANDWIDTH, { noun: "bandwidth", phrase: "a bandwidth (data per time)" }],
  [COST, { noun: "cost", phrase: "a cost (money per time)" }],
  [PRICE_PER_DATA, { noun: "price per data", phrase: "a price per amount of data" }],
  [STORAGE_PRICE, { noun: "storage price", phrase: "a storage price (money per data per time)" }],
  [dimensionOf(-1, 0, 0), { noun: "per data", phrase: "a count per amount of data" }],
  [dimensionOf(0, 0, -1), { noun: "per money", phrase: "a count per dollar" }],
  [dimensionOf(1, 0, -1), { noun: "data per money", phrase: "an amount of data per dollar" }],
  [dimensionOf(0, 1, -1), { noun: "time per money", phrase: "a time per dollar" }],
  [dimensionOf(-1, 1, 0), { noun: "time per data", phrase: "a time per amount of data" }],
]);

function exponentWords(d: Dimension): string {
  const parts: string[] = [];
  const add = (name: string, e: number): void => {
    if (e === 0) return;
    parts.push(e === 1 ? name : `${name}^${e}`);
  };
  add("data", d.data);
  add("time", d.time);
  add("money", d.money);
  return parts.join("·");
}

/**
 * The dimension in words, as a bare noun for parentheses ("data", "rate") and as a phrase for sentences
 * ("a time", "a bandwidth (data per time)").
 * @example describeDimension(TIME) // { noun: "time", phrase: "a time" }
 */
export function describeDimension(d: Dimension): DimensionWords {
  const found = NAMED.get(dimensionOf(d.data, d.time, d.money));
  if (found !== undefined) return found;
  const words = exponentWords(d);
  return { noun: words, phrase: `a quantity of dimension ${words}` };
}
