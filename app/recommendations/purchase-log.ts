import type { PurchaseRecord } from "./engine/model";

/**
 * A shop's purchases held compactly while the recs-build job pages through them: ids interned once,
 * one order row per order and two 32-bit integers per line (a line costs 8 bytes, not an object).
 * @example const log = new PurchaseLog(); log.add(row); buildRecsModel({ products, purchases: log.records(), now })
 */
export class PurchaseLog {
  private readonly strings = new Map<string, number>();
  private readonly table: string[] = [];
  private readonly orderIndex = new Map<string, number>();
  private readonly orderCustomer: number[] = [];
  private readonly orderId: number[] = [];
  private readonly orderAt: number[] = [];
  private lineOrder = new Int32Array(1024);
  private lineProduct = new Int32Array(1024);
  lines = 0;

  private intern(value: string): number {
    let i = this.strings.get(value);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(value);
      this.strings.set(value, i);
    }
    return i;
  }

  add(p: PurchaseRecord): void {
    let o = this.orderIndex.get(p.orderId);
    if (o === undefined) {
      o = this.orderAt.length;
      this.orderIndex.set(p.orderId, o);
      this.orderCustomer.push(this.intern(p.customerId));
      this.orderId.push(this.intern(p.orderId));
      this.orderAt.push(p.at);
    }
    if (this.lines === this.lineOrder.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.lineOrder = grow(this.lineOrder);
      this.lineProduct = grow(this.lineProduct);
    }
    this.lineOrder[this.lines] = o;
    this.lineProduct[this.lines] = this.intern(p.productId);
    this.lines += 1;
  }

  /** The purchases in the order they were added. */
  *records(): Generator<PurchaseRecord> {
    for (let l = 0; l < this.lines; l++) {
      const o = this.lineOrder[l]!;
      yield {
        customerId: this.table[this.orderCustomer[o]!]!,
        orderId: this.table[this.orderId[o]!]!,
        productId: this.table[this.lineProduct[l]!]!,
        at: this.orderAt[o]!,
      };
    }
  }
}
