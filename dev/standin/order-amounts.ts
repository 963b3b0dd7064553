import type { StandinLineItem } from "./store";
import { decimalOf, minorOf } from "./money";

/**
 * Money a line item brings in once its own discount is taken off, in minor units, and the share of it
 * that refunding part of the line gives back — the same arithmetic for the seeder, the mutations and
 * the views, so a refund never returns more than the customer paid.
 * @example refundSubtotal({ quantity: 4, price: "2.50", discount: "1.00", … }, 2) // "4.50"
 */
export function lineNetMinor(line: Pick<StandinLineItem, "quantity" | "price" | "discount">): number {
  return line.quantity * minorOf(line.price) - lineDiscountMinor(line);
}

/** The line's own discount in minor units (0 without one). */
export function lineDiscountMinor(line: Pick<StandinLineItem, "discount">): number {
  return line.discount === undefined ? 0 : minorOf(line.discount);
}

/** What refunding `quantity` of the line gives back: its share of the discounted line total. */
export function refundSubtotal(line: Pick<StandinLineItem, "quantity" | "price" | "discount">, quantity: number): string {
  return decimalOf(Math.round((lineNetMinor(line) * quantity) / line.quantity));
}
