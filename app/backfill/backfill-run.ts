import type { BackfillRun } from "@rapport/prisma-sqlite";

/** The backfill reads the catalogue, then the customers, then the orders (their references exist by then). */
export const BACKFILL_PHASES = ["products", "customers", "orders"] as const;
export type BackfillPhase = (typeof BACKFILL_PHASES)[number];
export type BackfillRunRow = BackfillRun;

export function nextPhase(phase: BackfillPhase): BackfillPhase | "done" {
  return BACKFILL_PHASES[BACKFILL_PHASES.indexOf(phase) + 1] ?? "done";
}

/**
 * A run's progress for people: records imported of those Shopify counted, as a whole percentage
 * (null until Shopify's counts are known), and a line saying where it stands.
 * @example backfillProgress(run) // { done: 1200, total: 4000, percent: 30, label: "Importing orders" }
 */
export function backfillProgress(
  run: Pick<
    BackfillRun,
    "status" | "phase" | "productsDone" | "customersDone" | "ordersDone" | "productsTotal" | "customersTotal" | "ordersTotal" | "error"
  >,
) {
  const done = run.productsDone + run.customersDone + run.ordersDone;
  const totals = [run.productsTotal, run.customersTotal, run.ordersTotal];
  const total = totals.every((t) => t !== null) ? totals.reduce((a, b) => a! + b!, 0)! : null;
  const percent = run.status === "completed" ? 100 : total ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  const label =
    run.status === "completed"
      ? "Backfill complete"
      : run.status === "failed"
        ? `Backfill failed: ${run.error ?? "unknown error"}`
        : run.phase === "done"
          ? "Finishing"
          : `Importing ${run.phase}`;
  return { done, total, percent, label };
}
