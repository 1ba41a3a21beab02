/** A draw in [0, 1). */
export type Random = () => number;

/** Small deterministic PRNG (mulberry32), so every `npm start` seeds the same demo data. */
export function seededRandom(seed: number): Random {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
