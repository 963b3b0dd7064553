/**
 * Which of two versions of an order is newer (docs/decisions/004). Shopify's `updated_at` decides;
 * when two deliveries carry the same `updated_at` (orders/create and orders/paid of a checkout paid at
 * once, or second-precision timestamps), the one further along wins: cancelled over not, then the
 * financial status that can only follow the other. Any arrival order converges to the same state.
 * @example isNewerOrder({ updatedAt: t, cancelled: true, financialStatus: "voided" }, { updatedAt: t, cancelled: false, financialStatus: "paid" }) // true
 */
export interface OrderVersion {
  updatedAt: Date;
  cancelled: boolean;
  financialStatus: string | null;
}

const FINANCIAL_ORDER = ["pending", "authorized", "partially_paid", "paid", "partially_refunded", "refunded", "voided"];

export function isNewerOrder(incoming: OrderVersion, stored: OrderVersion): boolean {
  const delta = incoming.updatedAt.getTime() - stored.updatedAt.getTime();
  if (delta !== 0) return delta > 0;
  return compareRank(rank(incoming), rank(stored)) > 0;
}

function rank(v: OrderVersion): number[] {
  return [v.cancelled ? 1 : 0, FINANCIAL_ORDER.indexOf(v.financialStatus ?? "")];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Whether a versioned record may overwrite what is stored: strictly newer, never older. A record
 * without a version (an order's embedded customer) only creates, never overwrites.
 */
export function isNewerVersion(incoming: Date | null, stored: Date | null | undefined, exists: boolean): boolean {
  if (!exists) return true;
  if (incoming === null) return false;
  return stored == null || incoming.getTime() > stored.getTime();
}
