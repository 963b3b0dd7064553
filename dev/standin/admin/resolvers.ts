import type { StandinStore } from "../store";
import { gid } from "../store";
import { runBulkOperation } from "./bulk";
import { bulkQueryProblems } from "./bulk-rules";
import { resourceConnection, resourceCount, type ListArgs } from "./resource-list";
import { safeLegacyId, writeResolvers } from "./write-resolvers";
import { definitionResolvers } from "./definition-resolvers";
import { discountResolvers } from "./discount-resolvers";
import { flowResolvers } from "./flow-resolvers";
import { tagResolvers } from "./tag-resolvers";
import { bulkOperationView, customerView, orderView, productView, shopView, type ViewContext } from "./views";

type CountArgs = { query?: string | null; limit?: number | null };

/**
 * The root value for Query and Mutation: exactly the Admin API entry points Rapport uses.
 * `products`, `customers`, `orders` and their `*Count` fields honour `query:` only for date
 * comparisons on `updated_at`/`created_at`/`processed_at`; other search terms are ignored, as Shopify
 * ignores a field it does not know (see search-query.ts). `sortKey` orders by ID, UPDATED_AT,
 * CREATED_AT or PROCESSED_AT (anything else by ID); the default is the schema's — ID, but PROCESSED_AT
 * for orders. Every other argument behaves as Shopify documents.
 */
export function rootValue(store: StandinStore, v: ViewContext) {
  const s = v.shop;
  const node = (id: string) => {
    const kind = /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1];
    const n = safeLegacyId(id);
    if (n === null) return null;
    if (kind === "Product") {
      const p = s.products.get(n);
      return p ? productView(v, p) : null;
    }
    if (kind === "Customer") {
      const c = s.customers.get(n);
      return c ? customerView(v, c) : null;
    }
    if (kind === "Order") {
      const o = s.orders.get(n);
      return o ? orderView(v, o) : null;
    }
    if (kind === "BulkOperation") {
      const op = s.bulkOperations.get(n);
      return op ? bulkOperationView(v, op) : null;
    }
    return null;
  };
  return {
    shop: () => shopView(v),
    products: (args: ListArgs) => resourceConnection(s.products.values(), args, v.options, (p) => productView(v, p)),
    productsCount: (args: CountArgs) => resourceCount(s.products.values(), args),
    product: ({ id }: { id: string }) => node(id),
    customers: (args: ListArgs) => resourceConnection(s.customers.values(), args, v.options, (c) => customerView(v, c)),
    customersCount: (args: CountArgs) => resourceCount(s.customers.values(), args),
    customer: ({ id }: { id: string }) => node(id),
    orders: (args: ListArgs) => resourceConnection(s.orders.values(), args, v.options, (o) => orderView(v, o)),
    ordersCount: (args: CountArgs) => resourceCount(s.orders.values(), args),
    order: ({ id }: { id: string }) => node(id),
    node: ({ id }: { id: string }) => node(id),
    // Shopify answers ids it does not know (or cannot show) with null in their place.
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => node(id)),
    bulkOperation: ({ id }: { id: string }) => node(id),
    currentBulkOperation: () => {
      const latest = [...s.bulkOperations.values()].at(-1);
      return latest ? bulkOperationView(v, latest) : null;
    },

    bulkOperationRunQuery: ({ query }: { query: string; groupObjects: boolean }) => {
      const running = [...s.bulkOperations.values()].find((op) => op.status === "CREATED" || op.status === "RUNNING");
      if (running)
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: ["query"],
              message: `A bulk query operation for this app and shop is already in progress: ${gid("BulkOperation", running.id)}.`,
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        };
      const problems = bulkQueryProblems(query);
      if (problems.length)
        return { bulkOperation: null, userErrors: problems.map((message) => ({ field: ["query"], message, code: "INVALID" })) };
      const op = {
        id: store.nextId(),
        query,
        status: "CREATED" as const,
        createdAt: new Date().toISOString(),
        completedAt: null,
        objectCount: 0,
        result: null,
        errorCode: null,
      };
      s.bulkOperations.set(op.id, op);
      runBulkOperation(store, v, op);
      return { bulkOperation: bulkOperationView(v, op), userErrors: [] };
    },

    ...writeResolvers(store, v),
    ...definitionResolvers(store, v),
    ...discountResolvers(store, v),
    ...flowResolvers(store, v),
    ...tagResolvers(store, v),
  };
}
