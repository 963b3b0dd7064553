import type { RecsModel } from "./engine/model";
import { NO_RULES, rankBlock, type MerchantRules } from "./engine/compose";
import type { RankInput, RankStrategyName } from "./engine/strategies";

/**
 * Turns a built model into the lists the storefront is served from (pure): bought-together and similar
 * per product, for-you and buy-again per customer, trending for the shop. Unavailable products and
 * merchant exclusions are already out, and so is what a customer dismissed ("Not interested"); boosts applied.
 */
export interface ListEntry {
  id: string;
  why: string;
}

export const LIST_LENGTH = 12;

/** Subjects of the precomputed lists. */
export const productSubject = (productGid: string, strategy: "bought-together" | "similar") => `product:${productGid}:${strategy}`;
export const customerSubject = (customerGid: string, strategy: "for-you" | "buy-again") => `customer:${customerGid}:${strategy}`;
export const TRENDING_SUBJECT = "shop:trending";

/**
 * Every list of the shop, single-threaded: trending, then each available product's, then each
 * customer's (in the histories' order). The recs-build job runs the same lists through
 * `buildListsInThreads` (build-lists-threads.server.ts), which yields exactly these, in this order.
 * @example for (const [subject, entries] of buildLists(model, NO_RULES)) save(subject, entries)
 */
export function* buildLists(
  model: RecsModel,
  rules: MerchantRules = NO_RULES,
  now = model.builtAt,
  dismissedBy: ReadonlyMap<string, string[]> = new Map(),
): Generator<[string, ListEntry[]]> {
  yield* productLists(model, rules, now);
  // Customers a chunk at a time (as the threads' tasks): a few packed lists held, not the shop's.
  const { ids } = listedCustomers(model);
  for (let from = 0; from < ids.length; from += CUSTOMER_CHUNK) {
    const chunk = ids.slice(from, from + CUSTOMER_CHUNK);
    const dismissed = chunk.map((id) => dismissedBy.get(id) ?? []);
    yield* unpackCustomerLists(model.products, chunk, customerLists(model, rules, now, chunk, dismissed));
  }
}

/** Customers ranked per chunk by `buildLists` (and per task by the list workers). */
export const CUSTOMER_CHUNK = 1_000;

/** The rules as the lists apply them: pins are a serving-time choice, not part of a precomputed list. */
const listRules = (rules: MerchantRules): MerchantRules => ({ ...rules, pin: [] });

const baseInput = (now: number): RankInput => ({
  customerId: null,
  productId: null,
  sessionViews: [],
  cart: [],
  dismissed: [],
  now,
  limit: LIST_LENGTH,
});

/**
 * The shop's trending list, then each available product's bought-together and similar lists (empty
 * lists left out).
 * @example for (const [subject, entries] of productLists(model, NO_RULES, Date.now())) save(subject, entries)
 */
export function* productLists(model: RecsModel, rules: MerchantRules, now: number): Generator<[string, ListEntry[]]> {
  const base = baseInput(now);
  const unpinned = listRules(rules);
  const list = (input: RankInput, strategy: RankStrategyName) =>
    rankBlock(input, model, { primary: strategy, fallbacks: [] }, unpinned).products.map(({ id, why }) => ({ id, why }));
  yield [TRENDING_SUBJECT, list(base, "trending")];
  for (const product of model.products) {
    if (!product.available || !product.title) continue;
    for (const strategy of ["bought-together", "similar"] as const) {
      const entries = list({ ...base, productId: product.id }, strategy);
      if (entries.length) yield [productSubject(product.id, strategy), entries];
    }
  }
}

/** The customers who get lists (guest orders only feed the neighbours), with their rows in the model. */
export function listedCustomers(model: RecsModel): { ids: string[]; rows: Int32Array } {
  const ids: string[] = [];
  const rows: number[] = [];
  for (const id of model.histories.keys()) {
    if (!id.startsWith("gid://shopify/Customer/")) continue;
    ids.push(id);
    rows.push(model.customerRow.get(id)!);
  }
  return { ids, rows: Int32Array.from(rows) };
}

/** The two lists made per customer, in this order. */
export const CUSTOMER_STRATEGIES = ["for-you", "buy-again"] as const;

/**
 * Customers' lists packed in typed arrays and one string table (what a lists worker posts back: a few
 * buffers instead of ~20 objects per list to clone): customer i's list for `CUSTOMER_STRATEGIES[s]`
 * has `counts[i × 2 + s]` entries, the next ones of `items` (product indices) and `why` (indices into
 * `whys`).
 */
export interface PackedCustomerLists {
  counts: Int32Array;
  items: Int32Array;
  why: Int32Array;
  whys: string[];
}

/**
 * The for-you and buy-again lists of the customers `ids` (each in the model's histories), packed.
 * @example unpackCustomerLists(model.products, ids, customerLists(model, NO_RULES, now, ids, ids.map(() => [])))
 */
export function customerLists(
  model: RecsModel,
  rules: MerchantRules,
  now: number,
  ids: readonly string[],
  dismissed: readonly (readonly string[])[],
): PackedCustomerLists {
  const base = baseInput(now);
  const unpinned = listRules(rules);
  const counts = new Int32Array(ids.length * CUSTOMER_STRATEGIES.length);
  const items: number[] = [];
  const why: number[] = [];
  const whys: string[] = [];
  const whyIndex = new Map<string, number>();
  ids.forEach((customerId, i) => {
    CUSTOMER_STRATEGIES.forEach((strategy, s) => {
      const input = { ...base, customerId, dismissed: dismissed[i]! };
      const { products } = rankBlock(input, model, { primary: strategy, fallbacks: [] }, unpinned);
      counts[i * CUSTOMER_STRATEGIES.length + s] = products.length;
      for (const p of products) {
        items.push(model.index.get(p.id)!);
        let w = whyIndex.get(p.why);
        if (w === undefined) whyIndex.set(p.why, (w = whys.push(p.why) - 1));
        why.push(w);
      }
    });
  });
  return { counts, items: Int32Array.from(items), why: Int32Array.from(why), whys };
}

/**
 * The packed lists as the job saves them: [subject, entries] per non-empty list, customers in order.
 * @example for (const [subject, entries] of unpackCustomerLists(model.products, ids, packed)) save(subject, entries)
 */
export function* unpackCustomerLists(
  products: readonly { id: string }[],
  ids: readonly string[],
  packed: PackedCustomerLists,
): Generator<[string, ListEntry[]]> {
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let s = 0; s < CUSTOMER_STRATEGIES.length; s++) {
      const n = packed.counts[i * CUSTOMER_STRATEGIES.length + s]!;
      if (n === 0) continue;
      const entries: ListEntry[] = new Array(n);
      for (let j = 0; j < n; j++, at++) entries[j] = { id: products[packed.items[at]!]!.id, why: packed.whys[packed.why[at]!]! };
      yield [customerSubject(ids[i]!, CUSTOMER_STRATEGIES[s]!), entries];
    }
  }
}
