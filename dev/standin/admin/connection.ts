/**
 * Relay connections over in-memory lists. A cursor is opaque to the client but, like Shopify's,
 * names the item's sort position (its sort value and id) rather than its index, so paging by
 * `after:` neither skips nor repeats an item when others move in the list between two pages (a
 * resource updated mid-reconciliation goes to the end of an UPDATED_AT sort). In a bulk operation
 * `first` is ignored: everything is returned.
 */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface ExecutionOptions {
  bulk: boolean;
}

/** An item's position in its list's ascending order, compared element by element. */
export type CursorKey = readonly number[];

const encode = (key: CursorKey) => Buffer.from(JSON.stringify(key)).toString("base64");

function decode(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (Array.isArray(key) && key.every((n) => typeof n === "number")) return key as number[];
  } catch {
    // falls through to the error Shopify gives for a cursor it did not issue
  }
  throw new Error(`Invalid cursor: ${cursor}`);
}

function compare(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * One page of `all`, which must already be in ascending `keyOf` order (the default key is the index,
 * right for lists that do not change order, such as an order's line items).
 * @example connection(products, { first: 10, after }, { bulk: false }, (p) => [Date.parse(p.updatedAt), p.id])
 */
export function connection<T>(
  all: T[],
  args: ConnectionArgs,
  options: ExecutionOptions,
  keyOf: (item: T, index: number) => CursorKey = (_item, index) => [index],
) {
  const keyed = all.map((node, index) => ({ node, key: keyOf(node, index) }));
  const items = args.reverse ? keyed.reverse() : keyed;
  const direction = args.reverse ? -1 : 1;
  const firstPast = (cursor: string, inclusive: boolean) => {
    const key = decode(cursor);
    const at = items.findIndex((item) => {
      const past = direction * compare(item.key, key);
      return inclusive ? past >= 0 : past > 0;
    });
    return at === -1 ? items.length : at;
  };
  let start = args.after ? firstPast(args.after, false) : 0;
  let end = args.before ? firstPast(args.before, true) : items.length;
  if (!options.bulk) {
    if (args.first != null) end = Math.min(end, start + args.first);
    else if (args.last != null) start = Math.max(start, end - args.last);
  }
  const page = items.slice(start, Math.max(start, end)).map((item) => ({ node: item.node, cursor: encode(item.key) }));
  return {
    edges: page,
    nodes: page.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
  };
}
