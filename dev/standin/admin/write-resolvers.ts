import type { StandinStore } from "../store";
import { legacyId } from "../store";
import { metafieldView } from "./metafield-view";
import { discountNodeView } from "./views";
import type { ViewContext } from "./view-context";

type UserError = { field: string[]; message: string; code: string };

/**
 * The merchant-side mutations Rapport calls — discountCodeBasicCreate and metafieldsSet — with the
 * userErrors Shopify returns for the mistakes the app could make.
 */
export function writeResolvers(store: StandinStore, v: ViewContext) {
  const s = v.shop;
  return {
    discountCodeBasicCreate: ({ basicCodeDiscount: input }: { basicCodeDiscount: Record<string, any> }) => {
      const errors: UserError[] = [];
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
      // Shopify takes at most 25 metafields per call and applies them all or none.
      if (metafields.length > 25)
        return {
          metafields: [],
          userErrors: [
            {
              field: ["metafields"],
              message: "Exceeded the maximum metafields input limit of 25.",
              code: "LESS_THAN_OR_EQUAL_TO",
              elementIndex: null,
            },
          ],
        };
      const ownerOf = (ownerId: string) => {
        const id = safeLegacyId(ownerId) ?? -1;
        if (/\/Customer\//.test(ownerId)) return { owner: s.customers.get(id), type: "CUSTOMER" as const };
        if (/\/Product\//.test(ownerId)) return { owner: s.products.get(id), type: "PRODUCT" as const };
        return { owner: undefined, type: "CUSTOMER" as const };
      };
      const userErrors: (UserError & { elementIndex: number | null })[] = [];
      metafields.forEach((m, i) => {
        if (!ownerOf(m.ownerId).owner)
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
        if (m.type?.startsWith("list.") || m.type === "json") {
          try {
            JSON.parse(m.value);
          } catch {
            userErrors.push({
              field: ["metafields", String(i), "value"],
              message: "Value is invalid JSON.",
              code: "INVALID_VALUE",
              elementIndex: i,
            });
          }
        }
      });
      if (userErrors.length) return { metafields: [], userErrors };
      return {
        metafields: metafields.map((m) => {
          const { owner, type } = ownerOf(m.ownerId);
          const fullKey = `${m.namespace ?? "$app"}.${m.key}`;
          owner!.metafields[fullKey] = { type: m.type!, value: m.value, updatedAt: store.stamp(owner!.metafields[fullKey]?.updatedAt) };
          return metafieldView(owner!, type, fullKey);
        }),
        userErrors: [],
      };
    },
  };
}

/** The legacy id in a GID, or null when the string is not one. */
export function safeLegacyId(id: string): number | null {
  try {
    return legacyId(id);
  } catch {
    return null;
  }
}
