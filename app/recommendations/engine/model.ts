import { coOccurrence, type CoOccurrence } from "./co-occurrence";
import {
  forYouModel,
  historyRows,
  FOR_YOU_DEFAULTS,
  type ForYouModel,
  type ForYouParams,
  type HistoryRows,
  type PurchaseHistory,
} from "../for-you";
import { PurchaseLog, type PurchaseBaskets } from "../purchase-log";

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
  histories: PurchaseHistories;
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
export function buildRecsModel(input: RecsModelInput): RecsModel {
  const start = startRecsModel(input);
  const forYou = forYouOf(start);
  const purchased = coOccurrence(start.histories.rows.rows, start.perItem);
  start.trace("co-purchase neighbours");
  return finishRecsModel(start, forYou, purchased);
}

export interface RecsModelInput {
  products: CatalogueProduct[];
  /** Records, or the recs-build job's compact log (taken: the model keeps its arrays). */
  purchases: Iterable<PurchaseRecord> | PurchaseLog;
  views?: Iterable<ViewRecord>;
  now: number;
  params?: ForYouParams;
  neighboursPerItem?: number;
  /** Called after each phase (the bench logs memory per phase). */
  trace?: (phase: string) => void;
}

/** The model's first phase: catalogue index and histories (the phases after it read these). */
export interface RecsModelStart {
  input: RecsModelInput;
  trace: (phase: string) => void;
  params: ForYouParams;
  perItem: number;
  products: CatalogueProduct[];
  index: Map<string, number>;
  itemOf: (id: string) => number;
  histories: PurchaseHistories;
}

/**
 * Phases of `buildRecsModel`, apart so that the co-purchase neighbours can be counted in other threads
 * while this one builds the for-you model (build-model-threads.server.ts): start, then the for-you model
 * and the co-purchase neighbours in any order, then finish.
 * @example const start = startRecsModel(input); finishRecsModel(start, forYouOf(start), coOccurrence(start.histories.rows.rows, start.perItem))
 */
export function startRecsModel(input: RecsModelInput): RecsModelStart {
  const trace = input.trace ?? (() => {});
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
  const log = input.purchases instanceof PurchaseLog ? input.purchases : logOf(input.purchases);
  const histories = PurchaseHistories.fromBaskets(log.take(), itemOf);
  trace("histories");
  return { input, trace, params, perItem, products, index, itemOf, histories };
}

/** The for-you model of a started build (see `startRecsModel`). */
export function forYouOf(start: RecsModelStart): ForYouModel {
  const forYou = forYouModel(start.histories.rows, start.params, start.input.now);
  start.trace("for-you model");
  return forYou;
}

/** The model from its phases (see `startRecsModel`): co-views, repurchase intervals, content index. */
export function finishRecsModel(start: RecsModelStart, forYou: ForYouModel, purchased: CoOccurrence): RecsModel {
  const { input, products, index, itemOf, histories, perItem, params } = start;
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
    boughtTogether: purchased.lift,
    coViewed: coOccurrence(
      [...sessions.values()].map((s) => [...s]),
      perItem,
    ).cosine,
    coPurchased: purchased.cosine,
    trending: forYou.trending,
    repurchaseDays: repurchaseIntervals(histories.rows),
    histories,
    customerRow: histories.row,
    forYou,
    forYouParams: params,
    content: contentIndex(products),
    contentScratch: { score: new Float64Array(products.length), items: new Int32Array(products.length) },
  };
}

function logOf(purchases: Iterable<PurchaseRecord>): PurchaseLog {
  const log = new PurchaseLog();
  for (const p of purchases) log.add(p);
  return log;
}

/**
 * Each customer's baskets, oldest first (a basket: the order's distinct products in line order),
 * customers in the order of their first purchase, held as typed arrays (no object per order or line);
 * `get` materialises one customer's history when a strategy asks for it.
 */
export class PurchaseHistories {
  readonly rows: HistoryRows;
  /** Customer id → index (also the row in the for-you model). */
  readonly row: Map<string, number>;
  private readonly ids: string[];

  /**
   * `rows` with customer `ids[i]` at row `rowOf[i]` (default: row i). A lists worker holds a view of the
   * customers it ranks (their ids only) over the build's shared rows.
   */
  constructor(rows: HistoryRows, ids: string[], rowOf?: ArrayLike<number>) {
    this.rows = rows;
    this.ids = ids;
    this.row = new Map(ids.map((c, i) => [c, rowOf ? rowOf[i]! : i]));
  }

  /** Histories from the purchase log's baskets (products mapped to the model's item indices). */
  static fromBaskets(b: PurchaseBaskets, itemOf: (id: string) => number): PurchaseHistories {
    const items = Int32Array.from(b.productIds, itemOf);
    const lines = b.products;
    for (let l = 0; l < lines.length; l++) lines[l] = items[lines[l]!]!;
    // Orders grouped by customer (in order of appearance), then by time (stable).
    const customers = b.customerIds.length;
    const orders = b.orderCustomer.length;
    const customerStart = new Int32Array(customers + 1);
    for (let o = 0; o < orders; o++) customerStart[b.orderCustomer[o]! + 1]! += 1;
    for (let c = 0; c < customers; c++) customerStart[c + 1] = customerStart[c + 1]! + customerStart[c]!;
    const fill = customerStart.slice(0, customers);
    const basket = new Int32Array(orders);
    for (let o = 0; o < orders; o++) basket[fill[b.orderCustomer[o]!]!++] = o;
    for (let c = 0; c < customers; c++) {
      const from = customerStart[c]!;
      const to = customerStart[c + 1]!;
      let sorted = true;
      for (let s = from + 1; s < to && sorted; s++) sorted = b.orderAt[basket[s]!]! >= b.orderAt[basket[s - 1]!]!;
      if (!sorted) basket.subarray(from, to).sort((x, y) => b.orderAt[x]! - b.orderAt[y]! || x - y);
    }
    return new PurchaseHistories({ customerStart, basket, rows: { start: b.orderStart, items: lines }, at: b.orderAt }, b.customerIds);
  }

  get size(): number {
    return this.ids.length;
  }

  has(customerId: string): boolean {
    return this.row.has(customerId);
  }

  keys(): IterableIterator<string> {
    return this.ids.values();
  }

  get(customerId: string): PurchaseHistory | undefined {
    const c = this.row.get(customerId);
    if (c === undefined) return undefined;
    // The lists of one customer ask several times in a row (strategy, exclusions): one materialisation.
    if (this.last?.c !== c) this.last = { c, history: this.at(c) };
    return this.last.history;
  }

  private last: { c: number; history: PurchaseHistory } | null = null;

  /** Customer c's history as arrays (read-only to callers). */
  at(c: number): PurchaseHistory {
    const { customerStart, basket, rows, at } = this.rows;
    const baskets: number[][] = [];
    const times: number[] = [];
    for (let s = customerStart[c]!; s < customerStart[c + 1]!; s++) {
      const o = basket[s]!;
      baskets.push(Array.from(rows.items.subarray(rows.start[o]!, rows.start[o + 1]!)));
      times.push(at[o]!);
    }
    return { baskets, times };
  }
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
export function repurchaseIntervals(reference: readonly PurchaseHistory[] | HistoryRows): Map<number, number> {
  const h = "customerStart" in reference ? reference : historyRows(reference);
  const gaps = new Map<number, number[]>();
  let items = 0;
  for (const i of h.rows.items) if (i + 1 > items) items = i + 1;
  const last = new Float64Array(items).fill(NaN);
  const touched: number[] = [];
  for (let c = 0; c + 1 < h.customerStart.length; c++) {
    for (let s = h.customerStart[c]!; s < h.customerStart[c + 1]!; s++) {
      const o = h.basket[s]!;
      const at = h.at[o]!;
      for (let l = h.rows.start[o]!; l < h.rows.start[o + 1]!; l++) {
        const item = h.rows.items[l]!;
        const prev = last[item]!;
        if (Number.isNaN(prev)) touched.push(item);
        else (gaps.get(item) ?? gaps.set(item, []).get(item)!).push((at - prev) / DAY);
        last[item] = at;
      }
    }
    for (const item of touched) last[item] = NaN;
    touched.length = 0;
  }
  const result = new Map<number, number>();
  for (const [item, list] of gaps) {
    list.sort((a, b) => a - b);
    result.set(item, list[Math.floor(list.length / 2)]!);
  }
  return result;
}
