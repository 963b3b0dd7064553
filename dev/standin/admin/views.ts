import type { StandinBulkOperation, StandinDiscountCode } from "../store";
import { gid } from "../store";
import { connection, type ConnectionArgs } from "./connection";
import type { ViewContext } from "./view-context";

/**
 * GraphQL-shaped views of the stand-in's store objects. graphql-js's default field resolver reads a
 * property, or calls it with the field's arguments when it is a function, so each view lists only the
 * fields the app selects; anything else resolves to null, which the real schema's non-null checks
 * then report as an error — the stand-in fails loudly instead of inventing data.
 * Resources with many fields have their own file; this one holds the small ones and re-exports all.
 */
export { type ViewContext, money, addressView } from "./view-context";
export { productView, variantView, collectionView } from "./product-view";
export { customerView } from "./customer-view";
export { orderView, lineItemView, refundView } from "./order-view";
export { metafieldView, splitKey } from "./metafield-view";

export function shopView(v: ViewContext) {
  const s = v.shop;
  return {
    __typename: "Shop",
    id: gid("Shop", 1),
    name: s.name,
    email: s.email,
    contactEmail: s.email,
    myshopifyDomain: s.domain,
    currencyCode: s.currencyCode,
    ianaTimezone: s.ianaTimezone,
  };
}

export function bulkOperationView(v: ViewContext, op: StandinBulkOperation) {
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", op.id),
    status: op.status,
    query: op.query,
    type: "QUERY",
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    errorCode: op.errorCode,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.objectCount),
    fileSize: op.result === null ? null : String(Buffer.byteLength(op.result)),
    url: op.status === "COMPLETED" ? `${v.standinUrl}/bulk/${op.id}.jsonl` : null,
    partialDataUrl: null,
  };
}

export function discountNodeView(d: StandinDiscountCode) {
  return {
    __typename: "DiscountCodeNode",
    id: gid("DiscountCodeNode", d.id),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: d.title,
      status: "ACTIVE",
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      usageLimit: d.usageLimit,
      appliesOncePerCustomer: d.appliesOncePerCustomer,
      createdAt: d.createdAt,
      codes: (args: ConnectionArgs) =>
        connection([{ __typename: "DiscountRedeemCode", id: gid("DiscountRedeemCode", d.id), code: d.code }], args, { bulk: false }),
    },
  };
}
