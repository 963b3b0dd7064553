import type { PurchaseRecord } from "./engine/model";
import { StringTable } from "./string-table";
import { sharedArray } from "./shared-arrays";

/**
 * A shop's purchases as the model reads them: orders grouped and numbered in order of first appearance,
 * each order's distinct products in line order. Customers and products are indices into the id tables
 * (customers in order of first appearance).
 */
export interface PurchaseBaskets {
  customerIds: string[];
  productIds: string[];
  /** Per order: customer index and time (ms). */
  orderCustomer: Int32Array;
  orderAt: Float64Array;
  /** Products of order o: products[orderStart[o] .. orderStart[o + 1]), distinct, in line order. */
  orderStart: Int32Array;
  products: Int32Array;
}

/**
 * A shop's purchases held compactly while the recs-build job pages through them: customer and product
 * ids interned once, one row of typed arrays per order and one 32-bit integer per line (lines of the
 * same order that arrive together share one run), so 2,000,000 orders of 26 lines cost ~250 MB, not
 * tens of millions of objects. `take()` hands the arrays to the model and empties the log.
 * @example const log = new PurchaseLog(); log.add(row); buildRecsModel({ products, purchases: log, now })
 */
export class PurchaseLog {
  private customers = new Map<string, number>();
  private customerIds: string[] = [];
  private productIndex = new Map<string, number>();
  private productIds: string[] = [];
  /** Order ids interned without keeping a string per order (a large shop has millions). */
  private orderIndex = new StringTable();
  private orderCustomer = new Int32Array(1024);
  private orderAt = new Float64Array(1024);
  private orders = 0;
  /** Runs of consecutive lines of one order: runOrder[r], lines runStart[r] .. runStart[r + 1]. */
  private runOrder = new Int32Array(1024);
  private runStart = new Int32Array(1025);
  private runs = 0;
  /** Lines' products in one growable shared buffer: it grows in place (no copy, no garbage array behind). */
  private lineBuffer = growableBuffer();
  private lineProduct = new Int32Array(this.lineBuffer);
  lines = 0;
  private lastOrderId: string | null = null;
  private taken = false;

  add(p: PurchaseRecord): void {
    if (this.taken) throw new Error("PurchaseLog: add after take()");
    // A line of the order of the line before joins its run; otherwise a new run (of a new or known order).
    if (p.orderId !== this.lastOrderId) {
      const o = this.orderIndex.intern(p.orderId);
      if (o === this.orders) {
        this.orders += 1;
        if (o === this.orderAt.length) {
          this.orderCustomer = grow(this.orderCustomer, Int32Array);
          this.orderAt = grow(this.orderAt, Float64Array);
        }
        let c = this.customers.get(p.customerId);
        if (c === undefined) {
          c = this.customerIds.length;
          this.customerIds.push(p.customerId);
          this.customers.set(p.customerId, c);
        }
        this.orderCustomer[o] = c;
        this.orderAt[o] = p.at;
      }
      if (this.runs + 1 >= this.runOrder.length) {
        this.runOrder = grow(this.runOrder, Int32Array);
        this.runStart = grow(this.runStart, Int32Array);
      }
      this.runOrder[this.runs] = o;
      this.runStart[this.runs] = this.lines;
      this.runs += 1;
      this.lastOrderId = p.orderId;
    }
    let product = this.productIndex.get(p.productId);
    if (product === undefined) {
      product = this.productIds.length;
      this.productIds.push(p.productId);
      this.productIndex.set(p.productId, product);
    }
    if (this.lines === this.lineProduct.length) this.lineBuffer.grow(Math.max(1 << 16, Math.ceil(this.lines * 1.25)) * 4);
    this.lineProduct[this.lines++] = product;
  }

  /** The purchases as baskets; the log is empty afterwards (its memory is the model's). */
  take(): PurchaseBaskets {
    this.taken = true;
    this.orderIndex = new StringTable();
    this.customers = new Map();
    this.productIndex = new Map();
    const orders = this.orders;
    const runs = this.runs;
    this.runStart[runs] = this.lines;
    let lines: Int32Array = this.lineProduct.subarray(0, this.lines);
    const orderStart = new Int32Array(orders + 1);
    // Usually each order's lines arrive together, in order of first appearance: already grouped.
    let grouped = runs === orders;
    for (let r = 0; grouped && r < runs; r++) grouped = this.runOrder[r] === r;
    if (grouped) orderStart.set(this.runStart.subarray(0, orders + 1));
    else {
      for (let r = 0; r < runs; r++) orderStart[this.runOrder[r]! + 1]! += this.runStart[r + 1]! - this.runStart[r]!;
      for (let o = 0; o < orders; o++) orderStart[o + 1] = orderStart[o + 1]! + orderStart[o]!;
      const fill = orderStart.slice(0, orders);
      const sorted = sharedArray(Int32Array, this.lines);
      for (let r = 0; r < runs; r++)
        for (let l = this.runStart[r]!; l < this.runStart[r + 1]!; l++) sorted[fill[this.runOrder[r]!]!++] = lines[l]!;
      lines = sorted;
    }
    this.runOrder = new Int32Array(0);
    this.runStart = new Int32Array(0);
    // Distinct products per order, first occurrence kept (in place).
    const lastIn = new Int32Array(this.productIds.length).fill(-1);
    let n = 0;
    for (let o = 0; o < orders; o++) {
      const from = orderStart[o]!;
      const to = orderStart[o + 1]!;
      orderStart[o] = n;
      for (let l = from; l < to; l++) {
        const product = lines[l]!;
        if (lastIn[product] === o) continue;
        lastIn[product] = o;
        lines[n++] = product;
      }
    }
    orderStart[orders] = n;
    return {
      customerIds: this.customerIds,
      productIds: this.productIds,
      orderCustomer: this.orderCustomer.subarray(0, orders),
      orderAt: this.orderAt.subarray(0, orders),
      orderStart,
      products: lines.subarray(0, n),
    };
  }
}

/** Lines are 32-bit: room for 1,000,000,000 (address space reserved, memory used as it fills). */
const MAX_LINE_BYTES = 4 * 1_000_000_000;

type GrowableBuffer = SharedArrayBuffer & { grow(bytes: number): void };

function growableBuffer(): GrowableBuffer {
  // ES2024 growable SharedArrayBuffer (Node ≥ 20; the project's TypeScript lib is ES2023): shared, so the
  // recs build's list workers read the lines without a copy (~210 MB at 2,000,000 orders).
  const Growable = SharedArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => GrowableBuffer;
  return new Growable(0, { maxByteLength: MAX_LINE_BYTES });
}

function grow<T extends Int32Array | Float64Array>(a: T, Type: new (n: number) => T): T {
  const b = new Type(Math.ceil(a.length * 1.5) + 16);
  b.set(a);
  return b;
}
