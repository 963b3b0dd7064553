import { currencyExponent } from "../lib/money";

/**
 * Points for an order: whole points per whole unit of shop currency spent on merchandise (the
 * subtotal after discounts, before shipping and tax), rounded down — integer math on minor units.
 * Guests, test orders and cancelled orders earn nothing.
 * @example pointsForOrder({ subtotalMinor: 2599, currencyCode: "GBP", customer: true, test: false, cancelled: false }, 1) // 25
 */
export function pointsForOrder(
  order: { subtotalMinor: number; currencyCode: string; customer: boolean; test: boolean; cancelled: boolean },
  pointsPerCurrencyUnit: number,
): number {
  if (!order.customer || order.test || order.cancelled || order.subtotalMinor <= 0) return 0;
  const unit = 10 ** currencyExponent(order.currencyCode);
  return Math.floor((order.subtotalMinor * pointsPerCurrencyUnit) / unit);
}

/** Ledger keys, derived from the Shopify source so that each source posts once. */
export const ledgerKeys = {
  orderEarn: (orderGid: string) => `order:${orderGid}:earn`,
  orderCancel: (orderGid: string) => `order:${orderGid}:cancel`,
  refundClawback: (orderGid: string, refundGid: string) => `order:${orderGid}:refund:${refundGid}`,
  /** A pending earning released: out of the pending bucket, into the spendable one. */
  releaseOut: (orderGid: string) => `order:${orderGid}:release-out`,
  release: (orderGid: string) => `order:${orderGid}:release`,
  /** Bonuses: once per customer (sign-up), per first order, per customer and year (birthday). */
  firstOrder: (orderGid: string) => `order:${orderGid}:first-order`,
  firstOrderCancel: (orderGid: string) => `order:${orderGid}:first-order:cancel`,
  signup: (customerGid: string) => `customer:${customerGid}:signup`,
  birthday: (customerGid: string, year: number) => `customer:${customerGid}:birthday:${year}`,
};
