/** How many changed and refused rows the import page lists (the totals count them all). */
export const ROWS_SHOWN = 100;

/** The dry run's totals: what applying the file would change. */
export interface DryRunReport {
  rows: number;
  /** Rows matched to a customer and accepted. */
  matched: number;
  refused: number;
  /** Matched customers whose balance or tier the import would change. */
  changes: number;
  /** Net points the import would post (positive: added). */
  pointsToPost: number;
  pointsAdded: number;
  pointsRemoved: number;
  tierChanges: number;
}

/** What the apply did. */
export interface ApplyReport {
  customers: number;
  postings: number;
  points: number;
  tierChanges: number;
  /** Rows refused at apply time: the account changed since the dry run so the import would overdraw it. */
  refused: number;
}

/** One accepted row's comparison, as the dry run stored it. */
export interface RowPlan {
  pointsToPost: number;
  tierChanges: boolean;
}

/**
 * Totals of a dry run from its accepted rows' plans and the count of refused rows.
 * @example summariseDryRun([{ pointsToPost: 50, tierChanges: true }], 2).changes // 1
 */
export function summariseDryRun(plans: readonly RowPlan[], refused: number): DryRunReport {
  const report: DryRunReport = {
    rows: plans.length + refused,
    matched: plans.length,
    refused,
    changes: 0,
    pointsToPost: 0,
    pointsAdded: 0,
    pointsRemoved: 0,
    tierChanges: 0,
  };
  for (const p of plans) {
    if (p.pointsToPost !== 0 || p.tierChanges) report.changes += 1;
    report.pointsToPost += p.pointsToPost;
    if (p.pointsToPost > 0) report.pointsAdded += p.pointsToPost;
    else report.pointsRemoved -= p.pointsToPost;
    if (p.tierChanges) report.tierChanges += 1;
  }
  return report;
}
