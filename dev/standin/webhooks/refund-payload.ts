import type { StandinOrder, StandinRefund, StandinShop } from "../store";
import { gid } from "../store";
import { example, set, type Json } from "./example-payload";
import { lineItemPayload } from "./line-item-payload";

/** A refunds/create payload: the refund and each refunded line with the line item it refunds. */
export function refundPayload(shop: StandinShop, o: StandinOrder, r: StandinRefund): Json {
  const base = example("refunds/create");
  const template = base.refund_line_items[0];
  return {
    ...base,
    id: r.id,
    order_id: o.id,
    admin_graphql_api_id: gid("Refund", r.id),
    created_at: r.createdAt,
    processed_at: r.createdAt,
    note: r.note,
    restock: false,
    order_adjustments: [],
    refund_shipping_lines: [],
    transactions: [],
    return: null,
    refund_line_items: r.refundLineItems.map((x) => {
      const li = o.lineItems.find((l) => l.id === x.lineItemId)!;
      return {
        ...template,
        id: x.id,
        quantity: x.quantity,
        line_item_id: li.id,
        subtotal: Number(x.subtotal),
        subtotal_set: set(x.subtotal, o.currency),
        total_tax: 0,
        total_tax_set: set("0.00", o.currency),
        line_item: lineItemPayload(template.line_item, o, li),
      };
    }),
  };
}
