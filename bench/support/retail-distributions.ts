import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { countryCodeOf, loadDataset, type RetailDataset } from "../../dev/seed/online-retail";

/** The Online Retail data shipped with the project (CC BY 4.0, see its README). */
export const ONLINE_RETAIL_CSV = path.resolve(import.meta.dirname, "../../../shared/data/online-retail/online_retail.csv.gz");

/** A histogram: `values[i]` was seen `counts[i]` times. */
export interface Histogram {
  values: number[];
  counts: number[];
}

/**
 * What a synthetic store copies from the Online Retail data: the shapes, not the rows.
 * Products are listed most-bought first, so `products[i].lines` is the popularity curve.
 */
export interface RetailDistributions {
  products: { title: string; priceMinor: number; lines: number }[];
  /** Distinct products per order. */
  basketSizes: Histogram;
  /** Quantity of one order line. */
  quantities: Histogram;
  /** Orders per customer (the repeat rate: share of customers with more than one). */
  ordersPerCustomer: Histogram;
  /** ISO country codes of customers. */
  countries: { code: string; count: number }[];
  /** Share of orders without a customer (guest checkouts). */
  guestShare: number;
}

/**
 * Pure: the distributions of a loaded dataset.
 * @example const d = distributionsOf(await loadDataset(ONLINE_RETAIL_CSV)); d.guestShare // 0.069
 */
export function distributionsOf(dataset: RetailDataset): RetailDistributions {
  const lines = new Map<string, number>();
  const basket = new Map<number, number>();
  const quantity = new Map<number, number>();
  const perCustomer = new Map<number, number>();
  for (const order of dataset.orders) {
    bump(basket, order.lines.length);
    if (order.customerId !== null) perCustomer.set(order.customerId, (perCustomer.get(order.customerId) ?? 0) + 1);
    for (const line of order.lines) {
      lines.set(line.code, (lines.get(line.code) ?? 0) + 1);
      bump(quantity, Math.min(line.quantity, 500));
    }
  }
  const repeat = new Map<number, number>();
  for (const n of perCustomer.values()) bump(repeat, n);
  const countries = new Map<string, number>();
  for (const c of dataset.customers) countries.set(countryCodeOf(c.country), (countries.get(countryCodeOf(c.country)) ?? 0) + 1);
  return {
    products: dataset.products
      .map((p) => ({ title: p.title, priceMinor: Math.round(Number(p.price) * 100), lines: lines.get(p.code) ?? 0 }))
      .filter((p) => p.lines > 0)
      .sort((a, b) => b.lines - a.lines || a.title.localeCompare(b.title)),
    basketSizes: histogram(basket),
    quantities: histogram(quantity),
    ordersPerCustomer: histogram(repeat),
    countries: [...countries.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
    guestShare: dataset.report.guestOrders / dataset.report.orders,
  };
}

/**
 * The Online Retail distributions, computed once (≈16 s) and cached in the OS temp directory under the
 * data file's size and mtime, so later runs read them at once.
 * @example const d = await loadRetailDistributions(); d.products.length // 3,7xx
 */
export async function loadRetailDistributions(csv = ONLINE_RETAIL_CSV): Promise<RetailDistributions> {
  const stat = statSync(csv);
  const tag = createHash("sha256")
    .update(`${path.resolve(csv)}|${stat.size}|${stat.mtimeMs}|v1`)
    .digest("hex")
    .slice(0, 16);
  const dir = path.join(tmpdir(), "rapport-bench-cache");
  const file = path.join(dir, `retail-distributions-${tag}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as RetailDistributions;
  const distributions = distributionsOf(await loadDataset(csv));
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(distributions));
  return distributions;
}

function bump(map: Map<number, number>, value: number) {
  map.set(value, (map.get(value) ?? 0) + 1);
}

function histogram(map: Map<number, number>): Histogram {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  return { values: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) };
}
