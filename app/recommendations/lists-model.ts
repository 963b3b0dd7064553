import type { MerchantRules } from "./engine/compose";
import { PurchaseHistories, type CatalogueProduct, type RecsModel } from "./engine/model";
import { forYouScratch, type ForYouModel, type ForYouParams, type HistoryRows } from "./for-you";
import { shared } from "./shared-arrays";

/**
 * What a lists worker needs of a built model to rank customers' lists (for-you, buy-again), as one
 * structured-clone message: the large typed arrays (histories, the for-you model's postings, vectors and
 * norms) in `SharedArrayBuffer`s, so every worker reads the one copy; the rest (catalogue, repurchase
 * intervals, trending) cloned, a few MB. Customer ids are not in it: each task brings its own.
 * No item-neighbour maps: a precomputed list has no session views, the only input that reads them.
 */
export interface ListsModelParts {
  builtAt: number;
  products: CatalogueProduct[];
  repurchaseDays: Map<number, number>;
  trending: Map<number, number>;
  forYouParams: ForYouParams;
  rows: HistoryRows;
  forYou: Omit<ForYouModel, "scratch">;
}

/** The worker's side of a task: a slice of customers, their rows and dismissals. */
export interface ListsTask {
  id: number;
  ids: string[];
  rows: Int32Array;
  dismissed: string[][];
  rules: MerchantRules;
  now: number;
}

/**
 * The parts of `model` a lists worker needs. The largest arrays are allocated shared (the lines, stored
 * vectors, postings, norms); the others are moved into shared memory here, in place (the model reads the
 * shared copies from then on), so the build holds one copy of each, not one per thread.
 * @example const parts = listsModelParts(model); new Worker(file, { workerData: parts })
 */
export function listsModelParts(model: RecsModel): ListsModelParts {
  const rows = model.histories.rows;
  rows.customerStart = shared(rows.customerStart);
  rows.basket = shared(rows.basket);
  rows.at = shared(rows.at);
  rows.rows.start = shared(rows.rows.start);
  rows.rows.items = shared(rows.rows.items);
  const f = model.forYou;
  const { postings, vectors } = f.customers;
  postings.start = shared(postings.start);
  postings.customers = shared(postings.customers);
  postings.values = shared(postings.values);
  vectors.start = shared(vectors.start);
  vectors.items = shared(vectors.items);
  vectors.values = shared(vectors.values);
  f.norms = shared(f.norms);
  f.trendScore = shared(f.trendScore);
  f.trendOrder = shared(f.trendOrder);
  f.repurchaseShare = shared(f.repurchaseShare);
  const { scratch: _scratch, ...forYou } = f;
  return {
    builtAt: model.builtAt,
    products: model.products,
    repurchaseDays: model.repurchaseDays,
    trending: model.trending,
    forYouParams: model.forYouParams,
    rows,
    forYou,
  };
}

/**
 * A model that ranks the customers `ids` (at `rows` of the shared histories) in a lists worker: the
 * shared arrays, the worker's own scratch, no item-neighbour or content maps (see `ListsModelParts`).
 * @example customerLists(listsModelFor(parts, task.ids, task.rows), task.rules, task.now, task.ids, task.dismissed)
 */
export function listsModelFor(parts: ListsModelParts, ids: string[], rows: Int32Array, scratch = scratchFor(parts)): RecsModel {
  const histories = new PurchaseHistories(parts.rows, ids, rows);
  return {
    builtAt: parts.builtAt,
    products: parts.products,
    index: indexOf(parts.products),
    boughtTogether: new Map(),
    coViewed: new Map(),
    coPurchased: new Map(),
    trending: parts.trending,
    repurchaseDays: parts.repurchaseDays,
    histories,
    customerRow: histories.row,
    forYou: { ...parts.forYou, scratch },
    forYouParams: parts.forYouParams,
    content: new Map(),
    contentScratch: { score: new Float64Array(0), items: new Int32Array(0) },
  };
}

/** One worker's for-you scratch (dense per customer and per item), reused across its tasks. */
export const scratchFor = (parts: ListsModelParts) => forYouScratch(parts.forYou.customers.count, parts.forYou.trendScore.length);

const indexes = new WeakMap<CatalogueProduct[], Map<string, number>>();

/** The catalogue's id → index map, made once per worker. */
function indexOf(products: CatalogueProduct[]): Map<string, number> {
  let index = indexes.get(products);
  if (!index) indexes.set(products, (index = new Map(products.map((p, i) => [p.id, i]))));
  return index;
}
