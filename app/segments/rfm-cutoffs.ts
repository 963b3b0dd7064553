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
