import { z } from "zod";
import { amount } from "./fields";

/** `{ shopMoney: { amount } }`, GraphQL's MoneyBag as the app selects it. */
export const moneyBag = z.object({ shopMoney: z.object({ amount }) });

/** `{ id }` of a GraphQL object, optional. */
export const ref = <T extends z.ZodTypeAny>(id: T) => z.object({ id }).nullish();

/** A connection as the app selects it: `{ nodes }` in paged queries, `{ edges: [{ node }] }` too. */
export const nodesOf = <T extends z.ZodTypeAny>(node: T) =>
  z
    .union([z.object({ nodes: z.array(node) }), z.object({ edges: z.array(z.object({ node })) })])
    .transform((c) => ("nodes" in c ? c.nodes : c.edges.map((e) => e.node)) as z.output<T>[]);

/** A Shopify enum value (PAID, PARTIALLY_REFUNDED) as REST spells it (paid, partially_refunded). */
export const enumValue = z
  .string()
  .max(64)
  .transform((value) => value.toLowerCase());
