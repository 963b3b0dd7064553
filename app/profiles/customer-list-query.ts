import { z } from "zod";

/** Columns the list sorts on (each backed by a (shop, column) index). */
export const CUSTOMER_SORTS = ["lastOrderAt", "netSpentMinor", "ordersCount", "email"] as const;

const optionalNumber = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().finite().min(0).optional());

/**
 * The customer list's query string, parsed once at the edge: search, filters, sort and page.
 * Unknown or bad values fall back to defaults (a hand-edited URL never fails the page).
 * @example parseCustomerListQuery(new URLSearchParams("q=ada&segment=Champions&sort=netSpentMinor"))
 */
export const CustomerListQuery = z.object({
  q: z.string().trim().max(200).catch(""),
  segment: z.string().max(60).catch(""),
  minLtv: optionalNumber.catch(undefined),
  maxLtv: optionalNumber.catch(undefined),
  minOrders: optionalNumber.catch(undefined),
  maxOrders: optionalNumber.catch(undefined),
  /** Last order at least this many days ago. */
  lastOrderMinDays: optionalNumber.catch(undefined),
  /** Last order at most this many days ago. */
  lastOrderMaxDays: optionalNumber.catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).catch("netSpentMinor"),
  direction: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export function parseCustomerListQuery(params: URLSearchParams): CustomerListQuery {
  return CustomerListQuery.parse(Object.fromEntries(params));
}
