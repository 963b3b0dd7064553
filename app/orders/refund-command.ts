import { z } from "zod";
import { toGid } from "../lib/gid";
import { amount, gid, legacyId, minor, quantity, text, timestamp } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";

/**
 * A refund as Rapport records it: immutable, keyed by its GID, with the refunded lines (what clawback
 * is proportional to) and the money returned (what net revenue subtracts).
 */
export interface RefundCommand {
  refundGid: string;
  orderGid: string;
  refundedAt: Date;
  note: string | null;
  /** Refunded merchandise after discounts, before tax; null when the source does not itemize lines. */
  subtotalMinor: number | null;
  /** Money returned: merchandise, tax and shipping. */
  totalMinor: number;
  lines: { lineItemGid: string; quantity: number; subtotalMinor: number }[];
}

const money = z.object({ shop_money: z.object({ amount, currency_code: z.string().regex(/^[A-Z]{3}$/) }) });

/** Shopify's REST refund, as refunds/create and an order's `refunds` carry it. */
export const RestRefund = z.object({
  id: legacyId,
  admin_graphql_api_id: gid("Refund").nullish(),
  order_id: legacyId,
  created_at: timestamp,
  processed_at: timestamp.nullish(),
  note: text(5000).nullish(),
  refund_line_items: z
    .array(
      z.object({
        line_item_id: legacyId,
        quantity,
        subtotal_set: money.nullish(),
        subtotal: amount.nullish(),
        total_tax_set: money.nullish(),
        line_item: z
          .object({ admin_graphql_api_id: gid("LineItem").nullish() })
          .passthrough()
          .nullish(),
      }),
    )
    .max(5000),
  transactions: z
    .array(
      z
        .object({ kind: z.string().nullish(), status: z.string().nullish(), amount: amount.nullish(), currency: z.string().nullish() })
        .passthrough(),
    )
    .nullish(),
  refund_shipping_lines: z.array(z.object({ subtotal_amount_set: money.nullish() }).passthrough()).nullish(),
});

type RestRefundPayload = z.infer<typeof RestRefund>;

/** Builds the command inside a zod transform (`ctx` collects amount problems under `path`). */
export function toRefundCommand(
  r: RestRefundPayload,
  currencyCode: string,
  ctx: z.RefinementCtx,
  path: string,
  orderGid?: string,
): RefundCommand {
  const money = (value: string | number | null | undefined, at: string) => minor(ctx, value, currencyCode, path ? `${path}.${at}` : at);
  const lines = r.refund_line_items.map((x, i) => ({
    lineItemGid: x.line_item?.admin_graphql_api_id ?? toGid("LineItem", x.line_item_id),
    quantity: x.quantity,
    subtotalMinor: money(x.subtotal_set?.shop_money.amount ?? x.subtotal, `refund_line_items.${i}.subtotal_set`),
    taxMinor: money(x.total_tax_set?.shop_money.amount, `refund_line_items.${i}.total_tax_set`),
  }));
  const shipping = (r.refund_shipping_lines ?? []).reduce(
    (sum, s, i) => sum + money(s.subtotal_amount_set?.shop_money.amount, `refund_shipping_lines.${i}`),
    0,
  );
  const refunded = (r.transactions ?? []).filter((t) => t.kind === "refund" && (t.status ?? "success") === "success");
  const itemized = lines.reduce((sum, l) => sum + l.subtotalMinor + l.taxMinor, 0) + shipping;
  return {
    refundGid: r.admin_graphql_api_id ?? toGid("Refund", r.id),
    orderGid: orderGid ?? toGid("Order", r.order_id),
    refundedAt: r.processed_at ?? r.created_at,
    note: r.note ?? null,
    subtotalMinor: lines.reduce((sum, l) => sum + l.subtotalMinor, 0),
    totalMinor: refunded.length ? refunded.reduce((sum, t, i) => sum + money(t.amount, `transactions.${i}.amount`), 0) : itemized,
    lines: lines.map(({ lineItemGid, quantity, subtotalMinor }) => ({ lineItemGid, quantity, subtotalMinor })),
  };
}

/**
 * A refunds/create payload → a RefundCommand. The payload names no currency at its top level: the
 * shop-money sets inside it do (a refund without any amount needs none).
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseRestRefund(payload: unknown, topic = "refunds/create"): RefundCommand {
  return parsePayload(RestRefundCommand, payload, topic);
}

const RestRefundCommand = RestRefund.transform((r, ctx) => {
  const currencyCode =
    r.refund_line_items.find((x) => x.subtotal_set)?.subtotal_set?.shop_money.currency_code ??
    r.refund_shipping_lines?.find((s) => s.subtotal_amount_set)?.subtotal_amount_set?.shop_money.currency_code ??
    r.transactions?.find((t) => t.currency)?.currency ??
    "USD";
  return toRefundCommand(r, currencyCode, ctx, "");
});
