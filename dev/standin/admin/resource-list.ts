import { connection, type ConnectionArgs, type CursorKey, type ExecutionOptions } from "./connection";
import { searchFilter, type DateFields } from "./search-query";

/** What the top-level `products`, `customers` and `orders` lists need of a store record. */
export interface Listable {
  id: number;
  createdAt: string;
  updatedAt: string;
  processedAt?: string;
}

export interface ListArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
}

const DATE_FIELDS: DateFields<Listable> = {
  updated_at: (r) => r.updatedAt,
  created_at: (r) => r.createdAt,
  processed_at: (r) => r.processedAt,
};

/** Sort keys the stand-in orders by; any other (TITLE, TOTAL_PRICE, RELEVANCE…) falls back to ID. */
const SORT_VALUES: Record<string, (r: Listable) => number> = {
  ID: (r) => r.id,
  UPDATED_AT: (r) => Date.parse(r.updatedAt),
  CREATED_AT: (r) => Date.parse(r.createdAt),
  PROCESSED_AT: (r) => Date.parse(r.processedAt ?? r.createdAt),
};

/**
 * A top-level list as Shopify serves it: filtered by `query:` (see search-query.ts for the subset
 * understood), sorted by `sortKey` then id, `reverse`d on request, paged with cursors that hold the
 * sort position. `view` turns each record into its GraphQL view.
 * @example resourceConnection(shop.orders.values(), { first: 10, query: "updated_at:>=2026-01-01", sortKey: "UPDATED_AT" }, options, view)
 */
export function resourceConnection<T extends Listable, V>(
  records: Iterable<T>,
  args: ListArgs,
  options: ExecutionOptions,
  view: (record: T) => V,
) {
  const sortValue = SORT_VALUES[args.sortKey ?? "ID"] ?? SORT_VALUES.ID!;
  const keyOf = (r: T): CursorKey => [sortValue(r), r.id];
  const found = [...records].filter(searchFilter(args.query, DATE_FIELDS));
  const sorted = found.map((r) => ({ r, key: keyOf(r) })).sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]!);
  const keys = sorted.map((s) => s.key);
  return connection(
    sorted.map((s) => view(s.r)),
    args,
    options,
    (_node, index) => keys[index]!,
  );
}

/**
 * `productsCount`/`customersCount`/`ordersCount`: how many records `query:` matches, capped at
 * `limit` (Shopify's default 10,000; null for no cap) with precision AT_LEAST when capped.
 * @example resourceCount(shop.products.values(), { limit: null }) // { count: 3189, precision: "EXACT" }
 */
export function resourceCount(records: Iterable<Listable>, args: { query?: string | null; limit?: number | null }) {
  const count = [...records].filter(searchFilter(args.query, DATE_FIELDS)).length;
  if (args.limit != null && count > args.limit) return { count: args.limit, precision: "AT_LEAST" as const };
  return { count, precision: "EXACT" as const };
}
