import { createReadStream, existsSync } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";

/**
 * UCI Online Retail (CC BY 4.0) → a shop's catalogue, customers, orders and refunds.
 * Pure apart from `loadDataset`; every quirk the data's README lists is handled and counted:
 * exact duplicate rows, guest rows (no CustomerID), cancellations ("C" invoices with negative
 * quantities → refunds of the customer's latest earlier order holding the item), non-product codes
 * (POST, M, DOT, BANK CHARGES… — kept out of the catalogue and the orders), empty descriptions and
 * non-positive prices.
 */
export interface RetailRow {
  invoice: string;
  stockCode: string;
  description: string;
  quantity: number;
  at: Date;
  unitPrice: number;
  customerId: number | null;
  country: string;
}

export interface RetailProduct {
  code: string;
  title: string;
  handle: string;
  price: string;
}
export interface RetailCustomer {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  countryCode: string;
}
export interface RetailLine {
  code: string;
  quantity: number;
  price: string;
}
export interface RetailOrder {
  invoice: string;
  customerId: number | null;
  at: Date;
  country: string;
  lines: RetailLine[];
}
export interface RetailRefund {
  invoice: string;
  orderInvoice: string;
  at: Date;
  lines: { code: string; quantity: number }[];
}

export interface RetailDataset {
  products: RetailProduct[];
  customers: RetailCustomer[];
  /** In time order. */
  orders: RetailOrder[];
  refunds: RetailRefund[];
  report: {
    rows: number;
    duplicates: number;
    guestRows: number;
    nonProductLines: number;
    unpricedLines: number;
    cancellationLines: number;
    cancellationsMatched: number;
    cancellationsUnmatched: number;
    products: number;
    customers: number;
    orders: number;
    guestOrders: number;
  };
}

/** Product stock codes per the evaluation protocol: five digits and an optional letter suffix. */
export const PRODUCT_CODE = /^\d{5}[A-Z]*$/;

export async function readRetailRows(input: Readable): Promise<RetailRow[]> {
  const rows: RetailRow[] = [];
  const parser = input.pipe(parse({ columns: true, skip_empty_lines: true, relax_quotes: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    rows.push({
      invoice: (r.InvoiceNo ?? "").trim(),
      stockCode: (r.StockCode ?? "").trim().toUpperCase(),
      description: (r.Description ?? "").trim(),
      quantity: Number(r.Quantity),
      at: new Date(`${(r.InvoiceDate ?? "").replace(" ", "T")}Z`),
      unitPrice: Number(r.UnitPrice),
      customerId: r.CustomerID ? Math.round(Number(r.CustomerID)) : null,
      country: (r.Country ?? "").trim(),
    });
  }
  return rows;
}

/** Reads a CSV (or .csv.gz) of the Online Retail shape. */
export async function loadDataset(path: string): Promise<RetailDataset> {
  if (!existsSync(path)) throw new Error(`dataset not found: ${path}`);
  const raw = createReadStream(path);
  return buildDataset(await readRetailRows(path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw));
}

export function buildDataset(allRows: RetailRow[]): RetailDataset {
  const seen = new Set<string>();
  let duplicates = 0,
    guestRows = 0,
    nonProductLines = 0,
    unpricedLines = 0,
    cancellationLines = 0;
  const rows: RetailRow[] = [];
  for (const row of allRows) {
    const key = [
      row.invoice,
      row.stockCode,
      row.description,
      row.quantity,
      row.at.getTime(),
      row.unitPrice,
      row.customerId,
      row.country,
    ].join("|");
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    if (row.customerId === null) guestRows += 1;
    if (!PRODUCT_CODE.test(row.stockCode)) {
      nonProductLines += 1;
      continue;
    }
    rows.push(row);
  }

  const catalogue = buildCatalogue(rows);
  const orders = new Map<string, RetailOrder>();
  const cancellations: RetailRow[] = [];
  for (const row of rows) {
    if (row.invoice.startsWith("C") || row.quantity < 0) {
      cancellationLines += 1;
      cancellations.push(row);
      continue;
    }
    const product = catalogue.get(row.stockCode);
    if (!product || row.unitPrice <= 0 || row.quantity === 0) {
      unpricedLines += 1;
      continue;
    }
    let order = orders.get(row.invoice);
    if (!order) {
      order = { invoice: row.invoice, customerId: row.customerId, at: row.at, country: row.country, lines: [] };
      orders.set(row.invoice, order);
    }
    if (row.at < order.at) order.at = row.at;
    const line = order.lines.find((l) => l.code === row.stockCode && l.price === money(row.unitPrice));
    if (line) line.quantity += row.quantity;
    else order.lines.push({ code: row.stockCode, quantity: row.quantity, price: money(row.unitPrice) });
  }
  const ordered = [...orders.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.invoice.localeCompare(b.invoice));
  const { refunds, matched, unmatched } = matchCancellations(cancellations, ordered);

  const customers = new Map<number, RetailCustomer>();
  for (const order of ordered) {
    if (order.customerId !== null && !customers.has(order.customerId))
      customers.set(order.customerId, makeCustomer(order.customerId, order.country));
  }
  const products = [...catalogue.values()];
  return {
    products,
    customers: [...customers.values()].sort((a, b) => a.id - b.id),
    orders: ordered,
    refunds,
    report: {
      rows: allRows.length,
      duplicates,
      guestRows,
      nonProductLines,
      unpricedLines,
      cancellationLines,
      cancellationsMatched: matched,
      cancellationsUnmatched: unmatched,
      products: products.length,
      customers: customers.size,
      orders: ordered.length,
      guestOrders: ordered.filter((o) => o.customerId === null).length,
    },
  };
}

function buildCatalogue(rows: RetailRow[]): Map<string, RetailProduct> {
  const titles = new Map<string, Map<string, number>>();
  const prices = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (row.description) bump(titles, row.stockCode, row.description);
    if (row.unitPrice > 0 && row.quantity > 0) bump(prices, row.stockCode, row.unitPrice);
  }
  const catalogue = new Map<string, RetailProduct>();
  for (const [code, counts] of prices) {
    const description = mostFrequent(titles.get(code)) ?? `Item ${code}`;
    const title = titleCase(description);
    catalogue.set(code, { code, title, handle: `${slug(title)}-${code.toLowerCase()}`, price: money(mostFrequent(counts)!) });
  }
  return catalogue;
}

function matchCancellations(cancellations: RetailRow[], orders: RetailOrder[]) {
  const byCustomer = new Map<number, RetailOrder[]>();
  for (const order of orders)
    if (order.customerId !== null)
      (byCustomer.get(order.customerId) ?? byCustomer.set(order.customerId, []).get(order.customerId)!).push(order);
  const refunds = new Map<string, RetailRefund>();
  const refunded = new Map<string, number>(); // `${invoice}|${code}` → quantity already refunded
  let matched = 0,
    unmatched = 0;
  for (const row of cancellations) {
    const candidates = row.customerId === null ? [] : (byCustomer.get(row.customerId) ?? []);
    const wanted = Math.abs(row.quantity);
    const order = [...candidates]
      .reverse()
      .find(
        (o) =>
          o.at <= row.at && o.lines.some((l) => l.code === row.stockCode && l.quantity - (refunded.get(`${o.invoice}|${l.code}`) ?? 0) > 0),
      );
    if (!order) {
      unmatched += 1;
      continue;
    }
    const line = order.lines.find((l) => l.code === row.stockCode)!;
    const key = `${order.invoice}|${line.code}`;
    const quantity = Math.min(wanted, line.quantity - (refunded.get(key) ?? 0));
    refunded.set(key, (refunded.get(key) ?? 0) + quantity);
    const refundKey = `${row.invoice}|${order.invoice}`;
    const refund = refunds.get(refundKey) ?? { invoice: row.invoice, orderInvoice: order.invoice, at: row.at, lines: [] };
    refund.lines.push({ code: line.code, quantity });
    refunds.set(refundKey, refund);
    matched += 1;
  }
  return { refunds: [...refunds.values()].sort((a, b) => a.at.getTime() - b.at.getTime()), matched, unmatched };
}

const FIRST = [
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Mia",
  "Grace",
  "Freya",
  "Lily",
  "Emily",
  "Sophie",
  "Jack",
  "Oliver",
  "Harry",
  "George",
  "Noah",
  "Charlie",
  "Jacob",
  "Thomas",
  "Oscar",
  "William",
  "Lucas",
  "Elena",
  "Marta",
  "Hugo",
  "Lea",
];
const LAST = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Martin",
  "Dubois",
  "Muller",
  "Rossi",
  "Garcia",
];

/** ISO codes for the dataset's country names ("EIRE", "RSA", "Channel Islands"…); unknown → GB, the store's home. */
const COUNTRY_CODES: Record<string, string> = {
  "United Kingdom": "GB",
  EIRE: "IE",
  Germany: "DE",
  France: "FR",
  Netherlands: "NL",
  Spain: "ES",
  Belgium: "BE",
  Switzerland: "CH",
  Portugal: "PT",
  Norway: "NO",
  Australia: "AU",
  Italy: "IT",
  "Channel Islands": "JE",
  Finland: "FI",
  Cyprus: "CY",
  Sweden: "SE",
  Denmark: "DK",
  Austria: "AT",
  Japan: "JP",
  Israel: "IL",
  Poland: "PL",
  USA: "US",
  "Hong Kong": "HK",
  Singapore: "SG",
  Iceland: "IS",
  Canada: "CA",
  Greece: "GR",
  Malta: "MT",
  RSA: "ZA",
  "United Arab Emirates": "AE",
  Lebanon: "LB",
  Lithuania: "LT",
  Brazil: "BR",
  "Czech Republic": "CZ",
  Bahrain: "BH",
  "Saudi Arabia": "SA",
};

function makeCustomer(id: number, country: string): RetailCustomer {
  return {
    id,
    firstName: FIRST[id % FIRST.length]!,
    lastName: LAST[Math.floor(id / FIRST.length) % LAST.length]!,
    email: `customer-${id}@example.com`,
    country,
    countryCode: countryCodeOf(country),
  };
}

/** The ISO 3166 code for one of the dataset's country names. */
export function countryCodeOf(country: string): string {
  return COUNTRY_CODES[country] ?? "GB";
}

function bump<K>(map: Map<string, Map<K, number>>, code: string, value: K) {
  const counts = map.get(code) ?? map.set(code, new Map()).get(code)!;
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function mostFrequent<K>(counts: Map<K, number> | undefined): K | undefined {
  let best: K | undefined,
    bestCount = 0;
  for (const [value, count] of counts ?? [])
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  return best;
}

/** Decimal string with two places, as Shopify's REST payloads carry money. */
export function money(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}

export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(^|[\s\-/(])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "item"
  );
}
