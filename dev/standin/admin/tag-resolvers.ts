import type { StandinStore } from "../store";
import { safeLegacyId } from "./write-resolvers";
import { customerView } from "./views";
import type { ViewContext } from "./view-context";

/**
 * tagsAdd and tagsRemove on customers, as Shopify answers them: adding a tag already there and removing
 * one that is not are no-ops; an unknown id is a userError.
 */
export function tagResolvers(store: StandinStore, v: ViewContext) {
  const change = (id: string, tags: string[], apply: (current: string[]) => string[]) => {
    const customer = /\/Customer\//.test(id) ? v.shop.customers.get(safeLegacyId(id) ?? -1) : undefined;
    if (!customer) return { node: null, userErrors: [{ field: ["id"], message: "Resource not found" }] };
    customer.tags = apply(customer.tags);
    customer.updatedAt = store.stamp(customer.updatedAt);
    return { node: customerView(v, customer), userErrors: [] };
  };
  return {
    tagsAdd: ({ id, tags }: { id: string; tags: string[] }) =>
      change(id, tags, (current) => [...current, ...tags.filter((t) => !current.some((c) => c.toLowerCase() === t.toLowerCase()))]),
    tagsRemove: ({ id, tags }: { id: string; tags: string[] }) =>
      change(id, tags, (current) => current.filter((c) => !tags.some((t) => t.toLowerCase() === c.toLowerCase()))),
  };
}
