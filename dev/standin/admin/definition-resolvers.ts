import type { StandinStore } from "../store";
import { gid } from "../store";
import type { ViewContext } from "./view-context";

/**
 * metafieldDefinitionCreate as Shopify answers it: a definition per owner type, namespace and key
 * (a second one is TAKEN), with storefront access NONE unless asked. The storefront preview shows a
 * metafield to Liquid only under a PUBLIC_READ definition, as Shopify does.
 */
export function definitionResolvers(store: StandinStore, v: ViewContext) {
  const s = v.shop;
  return {
    metafieldDefinitionCreate: ({ definition: d }: { definition: Record<string, any> }) => {
      const errors: { field: string[]; message: string; code: string }[] = [];
      if (!d.key) errors.push({ field: ["definition", "key"], message: "Key can't be blank", code: "BLANK" });
      if (!d.type) errors.push({ field: ["definition", "type"], message: "Type can't be blank", code: "BLANK" });
      if (!["CUSTOMER", "PRODUCT"].includes(d.ownerType))
        errors.push({ field: ["definition", "ownerType"], message: "Owner type is not supported here", code: "INCLUSION" });
      const id = `${d.ownerType}|${d.namespace}.${d.key}`;
      if (s.metafieldDefinitions.has(id))
        errors.push({ field: ["definition", "key"], message: "Key is in use for this namespace and owner type.", code: "TAKEN" });
      if (errors.length) return { createdDefinition: null, userErrors: errors };
      const definition = {
        id: store.nextId(),
        ownerType: d.ownerType,
        namespace: d.namespace,
        key: d.key,
        type: d.type,
        name: d.name ?? d.key,
        storefront: d.access?.storefront === "PUBLIC_READ" ? ("PUBLIC_READ" as const) : ("NONE" as const),
      };
      s.metafieldDefinitions.set(id, definition);
      return {
        createdDefinition: {
          __typename: "MetafieldDefinition",
          id: gid("MetafieldDefinition", definition.id),
          namespace: d.namespace,
          key: d.key,
        },
        userErrors: [],
      };
    },
  };
}
