import { parse, validate, type GraphQLError } from "graphql";
import type { StandinStore } from "../store";
import { gid, legacyId } from "../store";
import type { ConnectionArgs } from "./connection";
import { connection } from "./connection";
import { adminSchema } from "./schema";
import { runBulkOperation } from "./bulk";
import {
  bulkOperationView,
  customerView,
  discountNodeView,
  metafieldView,
  orderView,
  productView,
  shopView,
  type ViewContext,
} from "./views";

type Args<T = object> = ConnectionArgs & T;

/**
 * The root value for Query and Mutation: exactly the Admin API entry points Rapport uses.
 * `query:` search strings on connections are not interpreted (the app does not filter server-side);
 * every other argument behaves as Shopify documents it.
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
    products: (args: Args) =>
      connection(
        [...s.products.values()].map((p) => productView(v, p)),
        args,
        v.options,
      ),
    product: ({ id }: { id: string }) => node(id),
    customers: (args: Args) =>
      connection(
        [...s.customers.values()].map((c) => customerView(v, c)),
        args,
        v.options,
      ),
    customer: ({ id }: { id: string }) => node(id),
    orders: (args: Args) =>
      connection(
        [...s.orders.values()].map((o) => orderView(v, o)),
        args,
        v.options,
      ),
    order: ({ id }: { id: string }) => node(id),
    node: ({ id }: { id: string }) => node(id),
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

    discountCodeBasicCreate: ({ basicCodeDiscount: input }: { basicCodeDiscount: Record<string, any> }) => {
      const errors: { field: string[]; message: string; code: string }[] = [];
      const code = String(input.code ?? "").trim();
      if (!code) errors.push({ field: ["basicCodeDiscount", "code"], message: "Code can't be blank", code: "BLANK" });
      if ([...s.discountCodes.values()].some((d) => d.code.toLowerCase() === code.toLowerCase()))
        errors.push({ field: ["basicCodeDiscount", "code"], message: "Code must be unique. Please try a different code.", code: "TAKEN" });
      if (!input.title) errors.push({ field: ["basicCodeDiscount", "title"], message: "Title can't be blank", code: "BLANK" });
      const value = input.customerGets?.value ?? {};
      const amount = value.discountAmount?.amount ?? (value.percentage !== undefined ? String(value.percentage) : undefined);
      if (amount === undefined)
        errors.push({ field: ["basicCodeDiscount", "customerGets", "value"], message: "Value can't be blank", code: "BLANK" });
      if (errors.length) return { codeDiscountNode: null, userErrors: errors };
      const customerIds = (input.context?.customers?.add ?? input.customerSelection?.customers?.add ?? []).map((id: string) =>
        legacyId(id),
      );
      const discount = {
        id: store.nextId(),
        title: String(input.title),
        code,
        customerIds,
        valueType: value.percentage !== undefined ? ("percentage" as const) : ("fixed_amount" as const),
        value: String(amount),
        usageLimit: input.usageLimit ?? null,
        appliesOncePerCustomer: Boolean(input.appliesOncePerCustomer),
        startsAt: input.startsAt ?? new Date().toISOString(),
        endsAt: input.endsAt ?? null,
        createdAt: new Date().toISOString(),
      };
      s.discountCodes.set(discount.id, discount);
      return { codeDiscountNode: discountNodeView(discount), userErrors: [] };
    },

    metafieldsSet: ({
      metafields,
    }: {
      metafields: { ownerId: string; namespace?: string; key: string; type?: string; value: string }[];
    }) => {
      const userErrors: { field: string[]; message: string; code: string; elementIndex: number }[] = [];
      metafields.forEach((m, i) => {
        const owner = /Customer\//.test(m.ownerId) ? s.customers.get(safeLegacyId(m.ownerId) ?? -1) : undefined;
        if (!owner)
          userErrors.push({
            field: ["metafields", String(i), "ownerId"],
            message: "Owner does not exist.",
            code: "INVALID",
            elementIndex: i,
          });
        if (!m.type)
          userErrors.push({ field: ["metafields", String(i), "type"], message: "Type can't be blank.", code: "BLANK", elementIndex: i });
        if (m.type === "number_integer" && !/^-?\d+$/.test(m.value))
          userErrors.push({
            field: ["metafields", String(i), "value"],
            message: "Value must be an integer.",
            code: "INVALID_VALUE",
            elementIndex: i,
          });
      });
      if (userErrors.length) return { metafields: [], userErrors }; // atomic, as Shopify's metafieldsSet is
      const now = new Date().toISOString();
      return {
        metafields: metafields.map((m) => {
          const owner = s.customers.get(legacyId(m.ownerId))!;
          const fullKey = `${m.namespace ?? "$app"}.${m.key}`;
          owner.metafields[fullKey] = { type: m.type!, value: m.value, updatedAt: now };
          return metafieldView(owner, fullKey);
        }),
        userErrors: [],
      };
    },
  };
}

/** A bulk query must be a valid query with exactly one top-level connection (Shopify's rule). */
function bulkQueryProblems(query: string): string[] {
  try {
    const document = parse(query);
    const errors: readonly GraphQLError[] = validate(adminSchema(), document);
    if (errors.length) return errors.map((e) => `Invalid bulk query: ${e.message}`);
    return [];
  } catch (error) {
    return [`Invalid bulk query: ${(error as Error).message}`];
  }
}

function safeLegacyId(id: string): number | null {
  try {
    return legacyId(id);
  } catch {
    return null;
  }
}
