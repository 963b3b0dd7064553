import prisma from "../db.server";
import { parseGraphqlProduct } from "../catalogue/graphql-product-command";
import { recordProducts } from "../catalogue/record-products.server";
import { parseGraphqlCustomer } from "../customers/graphql-customer-command";
import { recordCustomers } from "../customers/record-customers.server";
import type { JobHandler } from "../jobs/job";
import { settleOrderPoints } from "../loyalty/order-points.server";
import { parseGraphqlOrder } from "../orders/graphql-order-command";
import { recordOrders } from "../orders/record-orders.server";
import { unauthenticated } from "../shopify.server";
import type {
  ReconcileCustomersQuery,
  ReconcileOrderLinesQuery,
  ReconcileOrderQuery,
  ReconcileOrderVersionsQuery,
  ReconcileProductsQuery,
  ReconcileProductVersionsQuery,
} from "../shopify/generated/admin.generated";
import { runOperation, type AdminGraphql } from "../shopify/graphql.server";
import {
  RECONCILE_CUSTOMERS,
  RECONCILE_ORDER,
  RECONCILE_ORDER_LINES,
  RECONCILE_ORDER_VERSIONS,
  RECONCILE_PRODUCT_VERSIONS,
  RECONCILE_PRODUCTS,
} from "../shopify/reconcile-queries";
import { parkRecords, readNodes } from "../webhooks/park-records.server";

/** Re-read a little before the last run's start: Shopify's updated_at and our clock are not one clock. */
const OVERLAP_MS = 5 * 60_000;
const PRODUCTS_PER_READ = 15;

/**
 * Scheduled reconciliation (every 15 minutes per shop): asks Shopify which products, customers and
 * orders changed since the last run, reads in full each one Rapport does not hold at that version, and
 * records them by the webhooks' own paths — so whatever a lost webhook missed is repaired, nothing is
 * doubled (versions and ledger keys), and a shop whose webhooks all arrived costs one cheap query per
 * kind. Before the first backfill completes there is nothing to reconcile: the backfill reads everything.
 * A stopping worker ends it early; the next run starts again from the same point.
 */
export const reconcileShop: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const shopRow = await prisma.shop.findUnique({ where: { shop } });
  if (!shopRow || shopRow.uninstalledAt) return;
  const backfill = await prisma.backfillRun.findFirst({ where: { shop, status: "completed" }, orderBy: { startedAt: "desc" } });
  if (!backfill) return;
  const startedAt = new Date();
  const since = new Date((shopRow.reconciledThrough ?? backfill.startedAt).getTime() - OVERLAP_MS);
  const query = `updated_at:>='${since.toISOString()}'`;
  const { admin } = await unauthenticated.admin(shop);
  let repaired = 0;
  const go = async (what: string, count: number) => {
    repaired += count;
    return (await ctx.progress({ done: repaired, message: `repaired ${repaired} records (${what})` })) && !ctx.signal.aborted;
  };

  const products = await stale(
    admin,
    "ReconcileProductVersions",
    RECONCILE_PRODUCT_VERSIONS,
    query,
    (d: ReconcileProductVersionsQuery) => d.products,
    (ids) =>
      prisma.product
        .findMany({ where: { shop, productGid: { in: ids } }, select: { productGid: true, sourceUpdatedAt: true } })
        .then((rows) => rows.map((r) => [r.productGid, r.sourceUpdatedAt] as const)),
  );
  for (let i = 0; i < products.length; i += PRODUCTS_PER_READ) {
    const { nodes } = await runOperation<ReconcileProductsQuery>(admin, "ReconcileProducts", RECONCILE_PRODUCTS, {
      ids: products.slice(i, i + PRODUCTS_PER_READ),
    });
    const found = nodes.filter((node) => node !== null);
    const { commands, unreadable } = readNodes(
      found,
      (node) => parseGraphqlProduct(node, shopRow.currencyCode, "reconcile/products"),
      recordId,
    );
    await prisma.$transaction(async (tx) => {
      await recordProducts(tx, shop, commands);
      await parkRecords(tx, shop, "bulk/products", unreadable);
    });
    if (!(await go("products", found.length))) return;
  }

  // Customers are small records: read them in full, a page at a time.
  for (let after: string | null = null; ;) {
    const page: ReconcileCustomersQuery["customers"] = (
      await runOperation<ReconcileCustomersQuery>(admin, "ReconcileCustomers", RECONCILE_CUSTOMERS, { query, after })
    ).customers;
    const { commands, unreadable } = readNodes(page.nodes, (node) => parseGraphqlCustomer(node, "reconcile/customers"), recordId);
    await prisma.$transaction(async (tx) => {
      await recordCustomers(tx, shop, commands);
      await parkRecords(tx, shop, "bulk/customers", unreadable);
    });
    if (!(await go("customers", 0))) return;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }

  const orders = await stale(
    admin,
    "ReconcileOrderVersions",
    RECONCILE_ORDER_VERSIONS,
    query,
    (d: ReconcileOrderVersionsQuery) => d.orders,
    (ids) =>
      prisma.order
        .findMany({ where: { shop, orderGid: { in: ids } }, select: { orderGid: true, sourceUpdatedAt: true } })
        .then((rows) => rows.map((r) => [r.orderGid, r.sourceUpdatedAt] as const)),
  );
  for (const orderGid of orders) {
    const node = await fullOrder(admin, orderGid);
    if (!node) continue;
    const { commands, unreadable } = readNodes([node], (n) => parseGraphqlOrder(n, "reconcile/orders"), recordId);
    await prisma.$transaction(async (tx) => {
      const recorded = await recordOrders(tx, shop, commands, "reconcile");
      await settleOrderPoints(tx, shop, recorded.changedOrderGids);
      await parkRecords(tx, shop, "bulk/orders", unreadable);
    });
    if (!(await go("orders", 1))) return;
  }
  await prisma.shop.update({ where: { shop }, data: { reconciledThrough: startedAt } });
};

/**
 * The ids Shopify changed since `query`'s time that Rapport does not hold at that version: Shopify's
 * versions, a page of 250 at a time, against the stored ones.
 */
async function stale<Q>(
  admin: AdminGraphql,
  name: string,
  document: string,
  query: string,
  select: (data: Q) => { nodes: { id: string; updatedAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
  stored: (ids: string[]) => Promise<(readonly [string, Date | null])[]>,
): Promise<string[]> {
  const out: string[] = [];
  for (let after: string | null = null; ;) {
    const connection = select(await runOperation<Q>(admin, name, document, { query, after }));
    const known = new Map(await stored(connection.nodes.map((n) => n.id)));
    for (const node of connection.nodes) {
      const version = known.get(node.id);
      if (!version || version.getTime() < Date.parse(node.updatedAt)) out.push(node.id);
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return out;
    after = connection.pageInfo.endCursor;
  }
}

/** An order with all its lines: the rest of a long order is read page by page before it is recorded. */
async function fullOrder(admin: AdminGraphql, id: string): Promise<unknown> {
  const { order } = await runOperation<ReconcileOrderQuery>(admin, "ReconcileOrder", RECONCILE_ORDER, { id });
  if (!order) return null;
  const nodes: unknown[] = [...order.lineItems.nodes];
  let pageInfo = order.lineItems.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const data = await runOperation<ReconcileOrderLinesQuery>(admin, "ReconcileOrderLines", RECONCILE_ORDER_LINES, {
      id,
      after: pageInfo.endCursor,
    });
    if (!data.order) break;
    nodes.push(...data.order.lineItems.nodes);
    pageInfo = data.order.lineItems.pageInfo;
  }
  return { ...order, lineItems: { nodes } };
}

/** A parked record's id: the node and its version, so the same unreadable version is parked once. */
function recordId(node: unknown, index: number): string {
  const { id, updatedAt } = (node ?? {}) as { id?: unknown; updatedAt?: unknown };
  return `reconcile:${String(id ?? index)}:${String(updatedAt ?? "")}`;
}
