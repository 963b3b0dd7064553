/** The merchant's launch choice: which orders placed before the program launched earn points. */
export type PastOrdersChoice = "none" | "last12" | "all";
export const PAST_ORDERS_CHOICES: readonly PastOrdersChoice[] = ["none", "last12", "all"];

/**
 * From when orders earn: the install for "none" (the program's start), 12 months before the launch, or
 * the beginning of time.
 * @example earningFrom({ installedAt, launchedAt, pastOrders: "last12" }) // launchedAt − 12 months
 */
export function earningFrom(program: { installedAt: Date; launchedAt: Date | null; pastOrders: string | null }): Date {
  if (!program.launchedAt || program.pastOrders === "none" || !program.pastOrders) return program.installedAt;
  if (program.pastOrders === "all") return new Date(0);
  const from = new Date(program.launchedAt);
  from.setUTCMonth(from.getUTCMonth() - 12);
  return from < program.installedAt ? from : program.installedAt;
}
