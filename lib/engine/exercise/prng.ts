/**
 * mulberry32: a tiny, fast 32-bit PRNG with a full 2^32 period, good enough to pick drill values and identical in
 * every JavaScript engine (integer maths only), so the server and the browser draw the same variant.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 * @example const random = mulberry32(42); random() // a number in [0, 1), the same on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a string: mixes the exercise id into the seed, so two exercises with one seed differ. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
