/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so a
 * synthetic store is the same on every run.
 * @example const random = seededRandom(42); random() // 0.6011…
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws indexes in proportion to weights (cumulative table + binary search, O(log n) a draw).
 * @example const pick = weightedPicker([5, 1, 1], random); pick() // 0 most of the time
 */
export function weightedPicker(weights: ArrayLike<number>, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i]!;
  if (!(total > 0)) throw new RangeError("weights must have a positive sum");
  return () => {
    const target = random() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
