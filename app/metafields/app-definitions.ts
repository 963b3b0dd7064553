import * as lists from "./definitions";
import { metafieldKey, type MetafieldDefinition } from "./definitions";

function isDefinitionList(value: unknown): value is readonly MetafieldDefinition[] {
  return Array.isArray(value) && value.every((d) => typeof d === "object" && d !== null && "ownerType" in d && "namespace" in d);
}

/**
 * Every metafield definition the app writes under: each definition list exported by ./definitions
 * (segments, recommendations, loyalty, …), found by shape so a list added there is created on install
 * without touching this file; one entry per owner type and key.
 * @example appMetafieldDefinitions().map(metafieldKey) // ["$app:segments.membership", …]
 */
export function appMetafieldDefinitions(): MetafieldDefinition[] {
  const byKey = new Map<string, MetafieldDefinition>();
  for (const list of Object.values(lists).filter(isDefinitionList)) for (const d of list) byKey.set(`${d.ownerType}|${metafieldKey(d)}`, d);
  return [...byKey.values()];
}
