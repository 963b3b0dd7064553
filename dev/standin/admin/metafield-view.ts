import type { StandinMetafield } from "../store";
import { gid } from "../store";
import { connection, type ConnectionArgs, type ExecutionOptions } from "./connection";

/** A resource that carries metafields, as the views need it. */
export interface MetafieldOwner {
  id: number;
  metafields: Record<string, StandinMetafield>;
}

/**
 * One metafield of a customer or product, or null when it is not set — as Shopify answers
 * `metafield(namespace:, key:)`. A missing namespace means the app's own (`$app`).
 * @example metafieldView(product, "PRODUCT", "reviews.rating")?.value // '{"value":"4.5",…}'
 */
export function metafieldView(owner: MetafieldOwner, ownerType: "CUSTOMER" | "PRODUCT", fullKey: string) {
  const field = owner.metafields[fullKey];
  if (!field) return null;
  const [namespace, key] = splitKey(fullKey);
  return {
    __typename: "Metafield",
    id: gid("Metafield", `${owner.id}-${fullKey}`),
    namespace,
    key,
    type: field.type,
    value: field.value,
    updatedAt: field.updatedAt,
    createdAt: field.updatedAt,
    ownerType,
  };
}

/** The `metafield` and `metafields` fields every owner view shares. */
export function metafieldFields(owner: MetafieldOwner, ownerType: "CUSTOMER" | "PRODUCT", options: ExecutionOptions) {
  return {
    metafield: (args: { namespace?: string | null; key: string }) =>
      metafieldView(owner, ownerType, `${args.namespace ?? "$app"}.${args.key}`),
    metafields: (args: ConnectionArgs & { namespace?: string | null }) =>
      connection(
        Object.keys(owner.metafields)
          .filter((k) => !args.namespace || k.startsWith(`${args.namespace}.`))
          .map((k) => metafieldView(owner, ownerType, k)),
        args,
        options,
      ),
  };
}

/** `"reviews.rating"` → `["reviews", "rating"]` (the key is after the last dot). */
export function splitKey(fullKey: string): [string, string] {
  const at = fullKey.lastIndexOf(".");
  return [fullKey.slice(0, at), fullKey.slice(at + 1)];
}
