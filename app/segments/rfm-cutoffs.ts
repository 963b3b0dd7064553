/** The upper bounds of the percent-rank quintiles 1…4 (rank < 0.2 scores 1, … rank ≥ 0.8 scores 5). */
export const QUINTILE_LIMITS = [0.2, 0.4, 0.6, 0.8] as const;

/**
 * For n ranked customers, the number of strictly lower values a customer needs to reach each score
 * 2…5. A percent rank is (values below) / (n − 1); it is below a limit exactly while the count is below
 * the smallest c with c / (n − 1) ≥ limit — found in the same floating point the database uses, so the
 * scores equal PERCENT_RANK's on every boundary. Null when n ≤ 1 (everyone ranks 0: score 1).
 * @example rankCutoffs(11) // [2, 4, 6, 8]
 */
export function rankCutoffs(n: number): number[] | null {
  if (n <= 1) return null;
  return QUINTILE_LIMITS.map((limit) => {
    let c = Math.max(0, Math.floor(limit * (n - 1)) - 1);
    while (c / (n - 1) < limit) c += 1;
    return c;
  });
}

/**
 * The cut-off values of one measure from all buyers' values sorted ascending: for each c of
 * rankCutoffs, the c-th smallest value. A value has at least c values strictly below it exactly when it
 * is greater than the c-th smallest, so a customer's score is 1 + the number of cut-offs their value
 * exceeds, ties scoring alike. Null when fewer than two buyers.
 * @example cutoffsOfSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)) // [2, 4, 6, 8]
 */
export function cutoffsOfSorted(sorted: ArrayLike<number>): number[] | null {
  return rankCutoffs(sorted.length)?.map((c) => sorted[c - 1]!) ?? null;
}

/**
 * A measure's values as the database lists them ("3,1,2", or null for none) → sorted ascending.
 * Integers only (epoch milliseconds, order counts, minor units): exact below 2^53.
 * @example sortedValues("3,1,2") // Float64Array [1, 2, 3]
 */
export function sortedValues(list: string | null): Float64Array {
  if (!list) return new Float64Array(0);
  return Float64Array.from(list.split(","), Number).sort();
}

/** A score 1…5: one more than the number of cut-offs the value exceeds (1 when there are none). */
export function scoreAgainst(value: number, cutoffs: readonly number[] | null): number {
  return 1 + (cutoffs ?? []).filter((cut) => value > cut).length;
}
