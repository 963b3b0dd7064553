import { coOccurrence } from "./co-occurrence";
import { forYouModel, FOR_YOU_DEFAULTS, type ForYouModel, type ForYouParams, type PurchaseHistory } from "../for-you";

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
  /** Reused by the similar strategy's content scoring (one thread): per-product sums and touched list. */
  contentScratch: { score: Float64Array; items: Int32Array };
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
  const histories = purchaseHistories(input.purchases, itemOf);
  const customerIds = [...histories.keys()];
  const reference = customerIds.map((c) => histories.get(c)!);
  const forYou = forYouModel(reference, params, input.now);
  const sessions = new Map<string, Set<number>>();
  for (const v of input.views ?? []) {
    const set = sessions.get(v.viewerId) ?? new Set<number>();
    set.add(itemOf(v.productId));
    sessions.set(v.viewerId, set);
  }
  const purchased = coOccurrence(
    reference.flatMap((h) => h.baskets),
    perItem,
  );
  return {
    builtAt: input.now,
    products,
    index,
    boughtTogether: purchased.lift,
    coViewed: coOccurrence(
      [...sessions.values()].map((s) => [...s]),
      perItem,
    ).cosine,
    coPurchased: purchased.cosine,
    trending: forYou.trending,
    repurchaseDays: repurchaseIntervals(reference),
    histories,
    customerRow: new Map(customerIds.map((c, i) => [c, i])),
    forYou,
    forYouParams: params,
    content: contentIndex(products),
    contentScratch: { score: new Float64Array(products.length), items: new Int32Array(products.length) },
  };
}

/**
 * Each customer's baskets, oldest first (a basket: the order's distinct products in line order),
 * customers in the order of their first purchase. Orders are numbered as they appear and their lines
 * kept in two integer arrays, so a large shop's history costs no object per line or per order.
 */
function purchaseHistories(purchases: Iterable<PurchaseRecord>, itemOf: (id: string) => number): Map<string, PurchaseHistory> {
  const orderIndex = new Map<string, number>();
  const customerIndex = new Map<string, number>();
  const customers: string[] = [];
  const orderCustomer: number[] = [];
  const orderAt: number[] = [];
  let lineOrder = new Int32Array(1024);
  let lineItem = new Int32Array(1024);
  let lines = 0;
  for (const p of purchases) {
    let o = orderIndex.get(p.orderId);
    if (o === undefined) {
      o = orderAt.length;
      orderIndex.set(p.orderId, o);
      let c = customerIndex.get(p.customerId);
      if (c === undefined) {
        c = customers.length;
        customers.push(p.customerId);
        customerIndex.set(p.customerId, c);
      }
      orderCustomer.push(c);
      orderAt.push(p.at);
    }
    if (lines === lineOrder.length) {
      lineOrder = grow(lineOrder);
      lineItem = grow(lineItem);
    }
    lineOrder[lines] = o;
    lineItem[lines++] = itemOf(p.productId);
  }
  orderIndex.clear();
  // Lines grouped by order (a counting sort keeps each order's line order).
  const orders = orderAt.length;
  const start = new Int32Array(orders + 1);
  for (let l = 0; l < lines; l++) start[lineOrder[l]! + 1]! += 1;
  for (let o = 0; o < orders; o++) start[o + 1] = start[o + 1]! + start[o]!;
  const fill = start.slice(0, orders);
  const items = new Int32Array(lines);
  for (let l = 0; l < lines; l++) items[fill[lineOrder[l]!]!++] = lineItem[l]!;
  // Orders grouped by customer, in order of appearance, then by time (a stable sort).
  const byCustomer: number[][] = customers.map(() => []);
  for (let o = 0; o < orders; o++) byCustomer[orderCustomer[o]!]!.push(o);
  const histories = new Map<string, PurchaseHistory>();
  customers.forEach((customer, c) => {
    const list = byCustomer[c]!.sort((a, b) => orderAt[a]! - orderAt[b]!);
    histories.set(customer, {
      baskets: list.map((o) => [...new Set(items.subarray(start[o]!, start[o + 1]!))]),
      times: list.map((o) => orderAt[o]!),
    });
  });
  return histories;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
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
  return coOccurrence(baskets, perItem, { minLiftCount: minCount }).lift;
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
