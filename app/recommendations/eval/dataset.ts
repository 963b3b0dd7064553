/**
 * The next-basket evaluation protocol's data preparation (shared/data/online-retail/README.md, steps 1–4),
 * pure: transaction lines in, per-customer basket sequences out (items as dense integer ids).
 */

/** One purchased line after format-specific parsing. */
export interface TransactionLine {
  customerId: string;
  orderId: string;
  productId: string;
  /** Milliseconds since the epoch (or any monotonic time). */
  at: number;
}

/** A customer's baskets, oldest first; the last basket is the evaluation target. */
export interface CustomerSequence {
  customerId: string;
  baskets: number[][];
  /** Basket times, parallel to `baskets`. */
  times: number[];
}

export interface Dataset {
  customers: CustomerSequence[];
  /** Item id → original product id. */
  items: string[];
}

const STOCK_CODE = /^\d{5}[A-Za-z]*$/;

/**
 * Step 1 for the Online Retail CSV (InvoiceNo, StockCode, …, Quantity, InvoiceDate, …, CustomerID):
 * rows with a customer, not a cancellation, positive quantity, a product stock code (upper-cased).
 * @example onlineRetailLine({ InvoiceNo: "536365", StockCode: "85123a", Quantity: "6", InvoiceDate: "2010-12-01 08:26:00", CustomerID: "17850.0" })
 */
export function onlineRetailLine(row: Record<string, string | undefined>): TransactionLine | null {
  const customer = (row.CustomerID ?? "").trim();
  const invoice = (row.InvoiceNo ?? "").trim();
  const code = (row.StockCode ?? "").trim().toUpperCase();
  if (!customer || !invoice || invoice.startsWith("C") || !(Number(row.Quantity) > 0) || !STOCK_CODE.test(code)) return null;
  const at = Date.parse(`${(row.InvoiceDate ?? "").trim().replace(" ", "T")}Z`);
  if (Number.isNaN(at)) return null;
  return { customerId: String(Number(customer)), orderId: invoice, productId: code, at };
}

/**
 * Step 1 for the generic CSV `customer_id,order_id,product_id,ordered_at`: rows with all four fields.
 * @example genericLine({ customer_id: "7", order_id: "o1", product_id: "p1", ordered_at: "2024-01-01T00:00:00Z" })
 */
export function genericLine(row: Record<string, string | undefined>): TransactionLine | null {
  const customerId = (row.customer_id ?? "").trim();
  const orderId = (row.order_id ?? "").trim();
  const productId = (row.product_id ?? "").trim();
  const at = Date.parse((row.ordered_at ?? "").trim());
  if (!customerId || !orderId || !productId || Number.isNaN(at)) return null;
  return { customerId, orderId, productId, at };
}

/**
 * Steps 1–3: baskets per order (time = earliest line), customers with 3..50 baskets, items seen in at
 * least 3 non-target baskets, empty baskets dropped, customers still having ≥ 3 baskets.
 * Customers come out sorted by id so splits depend only on the seed; items keep their line order.
 */
export function buildDataset(lines: Iterable<TransactionLine>, options = { minBaskets: 3, maxBaskets: 50, minItemCount: 3 }): Dataset {
  const orders = new Map<string, { customerId: string; at: number; products: Set<string> }>();
  for (const line of lines) {
    const key = `${line.customerId}\u0000${line.orderId}`;
    const order = orders.get(key);
    if (!order) orders.set(key, { customerId: line.customerId, at: line.at, products: new Set([line.productId]) });
    else {
      order.products.add(line.productId);
      if (line.at < order.at) order.at = line.at;
    }
  }
  const byCustomer = new Map<string, { at: number; orderId: string; products: Set<string> }[]>();
  for (const [key, order] of orders) {
    const list = byCustomer.get(order.customerId) ?? [];
    list.push({ at: order.at, orderId: key, products: order.products });
    byCustomer.set(order.customerId, list);
  }
  const kept = [...byCustomer.entries()]
    .filter(([, list]) => list.length >= options.minBaskets && list.length <= options.maxBaskets)
    .map(([customerId, list]) => ({ customerId, list: list.sort((a, b) => a.at - b.at || (a.orderId < b.orderId ? -1 : 1)) }));
  const counts = new Map<string, number>();
  for (const { list } of kept) {
    for (const basket of list.slice(0, -1)) for (const p of basket.products) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const items: string[] = [];
  const index = new Map<string, number>();
  const customers: CustomerSequence[] = [];
  for (const { customerId, list } of kept.sort((a, b) => compareIds(a.customerId, b.customerId))) {
    const baskets: number[][] = [];
    const times: number[] = [];
    for (const order of list) {
      const basket: number[] = [];
      for (const p of order.products) {
        if ((counts.get(p) ?? 0) < options.minItemCount) continue;
        let id = index.get(p);
        if (id === undefined) {
          id = items.length;
          items.push(p);
          index.set(p, id);
        }
        basket.push(id);
      }
      if (basket.length > 0) {
        baskets.push(basket);
        times.push(order.at);
      }
    }
    if (baskets.length >= options.minBaskets) customers.push({ customerId, baskets, times });
  }
  return { customers, items };
}

function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
