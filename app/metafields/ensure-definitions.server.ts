import type { MetafieldDefinitionCreateMutation } from "../shopify/generated/admin.generated";
import { runOperation, type AdminGraphql } from "../shopify/graphql.server";
import { METAFIELD_DEFINITION_CREATE } from "../shopify/metafields";
import { ShopifyUserError } from "../lib/errors";
import type { MetafieldDefinition } from "./definitions";

/**
 * Makes sure each definition exists in the shop (idempotent: "already taken" counts as done), so that
 * the values written under it are typed, and readable by the storefront where the definition says so.
 * @example await ensureMetafieldDefinitions(admin, LOYALTY_METAFIELDS)
 */
export async function ensureMetafieldDefinitions(admin: AdminGraphql, definitions: readonly MetafieldDefinition[]): Promise<void> {
  for (const d of definitions) {
    const data = await runOperation<MetafieldDefinitionCreateMutation>(admin, "MetafieldDefinitionCreate", METAFIELD_DEFINITION_CREATE, {
      definition: {
        ownerType: d.ownerType,
        namespace: d.namespace,
        key: d.key,
        type: d.type,
        name: d.name,
        description: d.description,
        access: { storefront: d.storefront ? "PUBLIC_READ" : "NONE" },
      },
    });
    const errors = (data.metafieldDefinitionCreate?.userErrors ?? []).filter((e) => e.code !== "TAKEN");
    if (errors.length) throw new ShopifyUserError("MetafieldDefinitionCreate", errors);
  }
}
