import type { StandinAddress, StandinLineItem, StandinOrder } from "../standin/store";
import { decimalOf } from "../standin/money";
import { lineDiscountMinor, lineNetMinor } from "../standin/order-amounts";
import { unitOf } from "./data-hash";

/** The demo shop's tills: two UK shop locations and four staff members (`gid://shopify/Location/1`…). */
export const LOCATION_IDS = [1, 2] as const;
export const STAFF_MEMBER_IDS = [1, 2, 3, 4] as const;

const FREE_SHIPPING_FROM_MINOR = 5000;
const UK_SHIPPING_MINOR = 495;
const INTERNATIONAL_SHIPPING_MINOR = 995;

type Details = Pick<
  StandinOrder,
  | "sourceName"
  | "locationId"
  | "staffMemberId"
  | "shippingAddress"
  | "billingAddress"
  | "subtotalPrice"
  | "totalDiscounts"
  | "totalShipping"
  | "totalTax"
  | "totalPrice"
>;

/**
 * Where and how an invoice was sold, and its totals — derived from the invoice number so seeding is
 * repeatable: about one UK order in eight was rung up in a shop (POS: a location and a staff member,
 * nothing shipped); about one order in seven has 10% off about a quarter of its lines (set on `lines`
 * in place); shipping is free from £50 or in a shop, else £4.95 (UK) or £9.95; UK prices include 20%
 * VAT (a sixth of the total) while exports carry none.
 * @example orderDetails("536365", { country: "United Kingdom", countryCode: "GB" }, lineItems).totalTax
 */
export function orderDetails(invoice: string, address: StandinAddress, lines: StandinLineItem[]): Details {
  const domestic = address.countryCode === "GB";
  const pos = domestic && unitOf(`pos|${invoice}`) < 0.125;
  const discounting = unitOf(`discounted|${invoice}`) < 0.15;
  for (const line of lines)
    if (discounting && unitOf(`discount|${invoice}|${line.sku}`) < 0.25)
      line.discount = decimalOf(Math.max(1, Math.round(lineNetMinor(line) / 10)));
  const subtotal = lines.reduce((sum, line) => sum + lineNetMinor(line), 0);
  const discounts = lines.reduce((sum, line) => sum + lineDiscountMinor(line), 0);
  const shipping = pos || subtotal >= FREE_SHIPPING_FROM_MINOR ? 0 : domestic ? UK_SHIPPING_MINOR : INTERNATIONAL_SHIPPING_MINOR;
  const total = subtotal + shipping;
  const pick = <T>(ids: readonly T[], key: string) => ids[Math.floor(unitOf(key) * ids.length)]!;
  return {
    sourceName: pos ? "pos" : "web",
    locationId: pos ? pick(LOCATION_IDS, `location|${invoice}`) : null,
    staffMemberId: pos ? pick(STAFF_MEMBER_IDS, `staff|${invoice}`) : null,
    shippingAddress: pos ? null : { ...address },
    billingAddress: { ...address },
    subtotalPrice: decimalOf(subtotal),
    totalDiscounts: decimalOf(discounts),
    totalShipping: decimalOf(shipping),
    totalTax: decimalOf(domestic ? Math.round(total / 6) : 0),
    totalPrice: decimalOf(total),
  };
}
