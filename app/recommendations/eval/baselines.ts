/**
 * The protocol's baselines (G-TopFreq, P-TopFreq, GP-TopFreq). Frequencies count baskets. Every ranker
 * returns at most `k` item ids. Tie-breaks are chosen to reproduce the reference figures (README of the
 * data set): global ties by first appearance, personal ties by the item's last purchase, oldest first.
 */

/** Item → number of baskets containing it, in order of first appearance. */
export function basketFrequencies(sequences: Iterable<readonly (readonly number[])[]>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const baskets of sequences) for (const basket of baskets) for (const item of basket) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Items ranked by count, descending, ties by first appearance (the map's insertion order; sort is stable). */
export function rankByCount(counts: ReadonlyMap<number, number>, k: number): number[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([item]) => item);
}

/**
 * G-TopFreq's list: the most bought items over every known history (all customers' baskets but their
 * targets — the same counts that step 3 of the protocol filters items with).
 * @example globalTopFreq([[[1, 2]], [[2]]], 1) // [2]
 */
export function globalTopFreq(histories: Iterable<readonly (readonly number[])[]>, k: number): number[] {
  return rankByCount(basketFrequencies(histories), k);
}

/**
 * P-TopFreq: the customer's own most bought items; ties go to the item last bought longer ago.
 * @example personalTopFreq([[1, 2], [2, 3]], 3) // [2, 1, 3]
 */
export function personalTopFreq(history: readonly (readonly number[])[], k: number): number[] {
  const counts = basketFrequencies([history]);
  const last = new Map<number, number>();
  history.forEach((basket, b) => basket.forEach((item) => last.set(item, b)));
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || last.get(a[0])! - last.get(b[0])!)
    .slice(0, k)
    .map(([item]) => item);
}

/**
 * GP-TopFreq: own most bought, then the global list for the remaining slots.
 * @example globalPersonalTopFreq([[5]], [1, 5, 2], 3) // [5, 1, 2]
 */
export function globalPersonalTopFreq(history: readonly (readonly number[])[], global: readonly number[], k: number): number[] {
  const own = personalTopFreq(history, k);
  const seen = new Set(own);
  for (const item of global) {
    if (own.length >= k) break;
    if (!seen.has(item)) own.push(item);
  }
  return own;
}
