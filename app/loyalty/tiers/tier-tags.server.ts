import { unauthenticated } from "../../shopify.server";
import { TAGS_ADD, TAGS_REMOVE } from "../../shopify/customer-tags";
import type { TagsAddMutation, TagsRemoveMutation } from "../../shopify/generated/admin.generated";
import { requireNoUserErrors, runOperation } from "../../shopify/graphql.server";

/** One customer's tier tag change: the old tier's tag to remove, the new tier's tag to add. */
export interface TagChange {
  customerGid: string;
  remove: string | null;
  add: string | null;
}

/**
 * Moves tier tags on Shopify customers with tagsRemove/tagsAdd (named operations, throttle-aware,
 * userErrors checked). Both calls are safe to repeat, so a recalculation resumed after a crash can send
 * them again. Opens no Admin session when no tier has a tag.
 * @example await retagCustomers(shop, [{ customerGid, remove: "vip-silver", add: "vip-gold" }])
 */
export async function retagCustomers(shop: string, changes: TagChange[]): Promise<number> {
  const todo = changes.filter((c) => c.remove !== c.add && (c.remove || c.add));
  if (todo.length === 0) return 0;
  const { admin } = await unauthenticated.admin(shop);
  for (const c of todo) {
    if (c.remove) {
      const data = await runOperation<TagsRemoveMutation>(admin, "TagsRemove", TAGS_REMOVE, { id: c.customerGid, tags: [c.remove] });
      requireNoUserErrors("TagsRemove", data.tagsRemove?.userErrors);
    }
    if (c.add) {
      const data = await runOperation<TagsAddMutation>(admin, "TagsAdd", TAGS_ADD, { id: c.customerGid, tags: [c.add] });
      requireNoUserErrors("TagsAdd", data.tagsAdd?.userErrors);
    }
  }
  return todo.length;
}
