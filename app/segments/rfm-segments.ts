/**
 * RFM (recency, frequency, monetary) scoring and the named segments it maps to.
 *
 * Scores are quintiles among the shop's buying customers (ordersCount > 0): each customer's percent
 * rank on one measure — (rank − 1) / (n − 1), ties sharing the lowest rank — cut into fifths, so the
 * top fifth scores 5 and the bottom fifth 1. Recency ranks by last order (latest = 5), frequency by
 * order count, monetary by lifetime value net of refunds. Ties are scored alike (a shop where most
 * customers bought once gives all of them F = 1, not an arbitrary split).
 *
 * The segment comes from R and FM = ⌈(F + M) / 2⌉ on this grid (rows R, columns FM 1…5):
 *
 * | R \ FM | 1               | 2                  | 3                  | 4          | 5          |
 * |--------|-----------------|--------------------|--------------------|------------|------------|
 * | 5      | New             | Potential loyalist | Potential loyalist | Champions  | Champions  |
 * | 4      | Promising       | Potential loyalist | Potential loyalist | Loyal      | Loyal      |
 * | 3      | Needs attention | Needs attention    | Needs attention    | Loyal      | Loyal      |
 * | 2      | Hibernating     | Hibernating        | At risk            | At risk    | Can't lose |
 * | 1      | Lost            | Lost               | At risk            | At risk    | Can't lose |
 */
export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalist",
  "New",
  "Promising",
  "Needs attention",
  "At risk",
  "Can't lose",
  "Hibernating",
  "Lost",
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** RFM_GRID[r - 1][fm - 1]: the table above, bottom row first. */
export const RFM_GRID: readonly (readonly RfmSegment[])[] = [
  ["Lost", "Lost", "At risk", "At risk", "Can't lose"],
  ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],
  ["Needs attention", "Needs attention", "Needs attention", "Loyal", "Loyal"],
  ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
  ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
];

/** A percent rank in [0, 1] → a quintile score 1…5. */
export function quintileScore(percentRank: number): number {
  return Math.min(5, 1 + Math.floor(percentRank * 5 + 1e-9));
}

/** The combined frequency–monetary score: ⌈(F + M) / 2⌉. */
export function fmScore(frequency: number, monetary: number): number {
  return Math.ceil((frequency + monetary) / 2);
}

/**
 * The named segment of an RFM score.
 * @example rfmSegment(5, 5, 4) // "Champions"
 */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegment {
  return RFM_GRID[recency - 1]![fmScore(frequency, monetary) - 1]!;
}
