import { coPurchaseNeighbours, forYouModel, FOR_YOU_DEFAULTS, type ForYouModel, type ForYouParams, type PurchaseHistory } from "../for-you";

/**
 * The per-shop recommendation model (built off the request path by the recs-build job, served from a
 * bounded in-memory store). Pure: plain data in, plain data out. Products are dense indices.
 */
export interface CatalogueProduct {
  id: string;
  title: string;
  productType: string | null;
  vendor: string | null;
  tags: string[];
  collections: string[];
  /** Active, published and purchasable. */
  available: boolean;
  rating: number | null;
  createdAt: number;
}

export interface PurchaseRecord {
  customerId: string;
  orderId: string;
  productId: string;
  at: number;
}

export interface ViewRecord {
  /** Customer or visitor id. */
  viewerId: string;
  productId: string;
  at: number;
}

export interface Neighbour {
  item: number;
  score: number;
}

export interface RecsModel {
  builtAt: number;
  products: CatalogueProduct[];
  index: Map<string, number>;
  /** Co-purchase lift neighbours (significance: lift with a minimum co-count), best first. */
  boughtTogether: Map<number, Neighbour[]>;
  /** Co-view neighbours (cosine over viewer sessions), best first. */
  coViewed: Map<number, Neighbour[]>;
  /** Co-purchase cosine neighbours. */
  coPurchased: Map<number, Neighbour[]>;
  /** Time-decayed popularity, top item 1. */
  trending: Map<number, number>;
  /** Median days between a customer's repeat purchases of the product, when it is repurchased. */
  repurchaseDays: Map<number, number>;
  /** Per customer: baskets (oldest first) for for-you and buy-again. */
  histories: Map<string, PurchaseHistory>;
  /** Customer id → row in the for-you model. */
  customerRow: Map<string, number>;
  forYou: ForYouModel;
  forYouParams: ForYouParams;
  /** Content features (type:, vendor:, tag:, collection:, word:) → products, for the similar fallback. */
  content: Map<string, number[]>;
}

const DAY = 86_400_000;

/**
 * Builds the model from a shop's catalogue, purchases and views.
 * @example buildRecsModel({ products, purchases, views, now: Date.now() })
 */
export function buildRecsModel(input: {
  products: CatalogueProduct[];
  purchases: Iterable<PurchaseRecord>;
  views?: Iterable<ViewRecord>;
  now: number;
  params?: ForYouParams;
  neighboursPerItem?: number;
}): RecsModel {
  const params = input.params ?? FOR_YOU_DEFAULTS;
  const perItem = input.neighboursPerItem ?? 30;
  const products = [...input.products];
  const index = new Map(products.map((p, i) => [p.id, i]));
  const itemOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = products.length;
      products.push({
        id,
        title: "",
        productType: null,
        vendor: null,
        tags: [],
        collections: [],
        available: false,
        rating: null,
        createdAt: 0,
      });
      index.set(id, i);
    }
    return i;
  };
  const orders = new Map<string, { customerId: string; at: number; items: Set<number> }>();
  for (const p of input.purchases) {
    const order = orders.get(p.orderId);
    if (order) order.items.add(itemOf(p.productId));
    else orders.set(p.orderId, { customerId: p.customerId, at: p.at, items: new Set([itemOf(p.productId)]) });
  }
  const byCustomer = new Map<string, { at: number; items: number[] }[]>();
  for (const order of orders.values()) {
    const list = byCustomer.get(order.customerId) ?? [];
    list.push({ at: order.at, items: [...order.items] });
    byCustomer.set(order.customerId, list);
  }
  const histories = new Map<string, PurchaseHistory>();
  for (const [customer, list] of byCustomer) {
    list.sort((a, b) => a.at - b.at);
    histories.set(customer, { baskets: list.map((o) => o.items), times: list.map((o) => o.at) });
  }
  const customerIds = [...histories.keys()];
  const reference = customerIds.map((c) => histories.get(c)!);
  const forYou = forYouModel(reference, params, input.now);
  const sessions = new Map<string, Set<number>>();
  for (const v of input.views ?? []) {
    const set = sessions.get(v.viewerId) ?? new Set<number>();
    set.add(itemOf(v.productId));
    sessions.set(v.viewerId, set);
  }
  return {
    builtAt: input.now,
    products,
    index,
    boughtTogether: liftNeighbours(
      [...orders.values()].map((o) => [...o.items]),
      perItem,
    ),
    coViewed: coPurchaseNeighbours(
      [...sessions.values()].map((s) => ({ baskets: [[...s]], times: [0] })),
      perItem,
    ),
    coPurchased: coPurchaseNeighbours(reference, perItem),
    trending: forYou.trending,
    repurchaseDays: repurchaseIntervals(reference),
    histories,
    customerRow: new Map(customerIds.map((c, i) => [c, i])),
    forYou,
    forYouParams: params,
    content: contentIndex(products),
  };
}

const STOP_WORDS = new Set(["the", "and", "for", "with", "of", "a", "an", "in", "set", "pack"]);

/** A product's content features, each with its weight in the similar fallback. */
export function contentFeatures(p: CatalogueProduct): [string, number][] {
  const features: [string, number][] = [];
  if (p.productType) features.push([`type:${p.productType.toLowerCase()}`, 2]);
  if (p.vendor) features.push([`vendor:${p.vendor.toLowerCase()}`, 1]);
  for (const t of p.tags) features.push([`tag:${t.toLowerCase()}`, 1]);
  for (const c of p.collections) features.push([`collection:${c}`, 1.5]);
  const words = new Set(
    p.title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w)),
  );
  for (const w of words) features.push([`word:${w}`, 0.75]);
  return features;
}

function contentIndex(products: readonly CatalogueProduct[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  products.forEach((p, i) => {
    for (const [f] of contentFeatures(p)) (index.get(f) ?? index.set(f, []).get(f)!).push(i);
  });
  return index;
}

/**
 * Co-purchase neighbours ranked by lift = P(a,b) / (P(a)·P(b)), keeping pairs bought together at least
 * `minCount` times so one coincidence is not "significant"; ties by co-count.
 */
export function liftNeighbours(baskets: readonly (readonly number[])[], perItem: number, minCount = 2): Map<number, Neighbour[]> {
  const counts = new Map<number, number>();
  const pairs = new Map<number, Map<number, number>>();
  for (const basket of baskets) {
    for (const a of basket) {
      counts.set(a, (counts.get(a) ?? 0) + 1);
      let row = pairs.get(a);
      if (!row) pairs.set(a, (row = new Map()));
      for (const b of basket) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const n = baskets.length;
  const result = new Map<number, Neighbour[]>();
  for (const [a, row] of pairs) {
    const list: (Neighbour & { co: number })[] = [];
    for (const [b, co] of row) if (co >= minCount) list.push({ item: b, co, score: (co * n) / (counts.get(a)! * counts.get(b)!) });
    list.sort((x, y) => y.score - x.score || y.co - x.co || x.item - y.item);
    if (list.length)
      result.set(
        a,
        list.slice(0, perItem).map(({ item, score }) => ({ item, score })),
      );
  }
  return result;
}

/** Median gap in days between consecutive purchases of the same product by the same customer. */
export function repurchaseIntervals(histories: readonly PurchaseHistory[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const h of histories) {
    const last = new Map<number, number>();
    h.baskets.forEach((basket, b) => {
      for (const item of basket) {
        const prev = last.get(item);
        if (prev !== undefined) (gaps.get(item) ?? gaps.set(item, []).get(item)!).push((h.times[b]! - prev) / DAY);
        last.set(item, h.times[b]!);
      }
    });
  }
  const result = new Map<number, number>();
  for (const [item, list] of gaps) {
    list.sort((a, b) => a - b);
    result.set(item, list[Math.floor(list.length / 2)]!);
  }
  return result;
}
