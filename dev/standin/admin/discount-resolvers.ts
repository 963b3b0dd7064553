import type { StandinDiscountCode, StandinStore } from "../store";
import { legacyId } from "../store";
import { discountNodeView } from "./views";
import type { ViewContext } from "./view-context";

type UserError = { field: string[]; message: string; code: string };

/**
 * The loyalty reward mutations beside discountCodeBasicCreate: discountCodeFreeShippingCreate (codes
 * are unique per shop, case-insensitively, across every kind, as on Shopify) and codeDiscountNodeByCode,
 * which the app reads to learn whether a code it asked for exists.
 */
export function discountResolvers(store: StandinStore, v: ViewContext) {
  const s = v.shop;
  const byCode = (code: string) => [...s.discountCodes.values()].find((d) => d.code.toLowerCase() === code.toLowerCase());
  return {
    discountCodeFreeShippingCreate: ({ freeShippingCodeDiscount: input }: { freeShippingCodeDiscount: Record<string, any> }) => {
      const errors: UserError[] = [];
      const code = String(input.code ?? "").trim();
      if (!code) errors.push({ field: ["freeShippingCodeDiscount", "code"], message: "Code can't be blank", code: "BLANK" });
      else if (code.length > 255)
        errors.push({ field: ["freeShippingCodeDiscount", "code"], message: "Code is too long", code: "TOO_LONG" });
      if (code && byCode(code))
        errors.push({
          field: ["freeShippingCodeDiscount", "code"],
          message: "Code must be unique. Please try a different code.",
          code: "TAKEN",
        });
      if (!input.title) errors.push({ field: ["freeShippingCodeDiscount", "title"], message: "Title can't be blank", code: "BLANK" });
      if (input.usageLimit !== undefined && input.usageLimit !== null && input.usageLimit < 1)
        errors.push({
          field: ["freeShippingCodeDiscount", "usageLimit"],
          message: "Usage limit must be greater than 0",
          code: "GREATER_THAN",
        });
      if (errors.length) return { codeDiscountNode: null, userErrors: errors };
      const discount: StandinDiscountCode = {
        id: store.nextId(),
        title: String(input.title),
        code,
        freeShipping: true,
        customerIds: (input.context?.customers?.add ?? []).map((id: string) => legacyId(id)),
        valueType: "percentage",
        value: "100",
        usageLimit: input.usageLimit ?? null,
        appliesOncePerCustomer: Boolean(input.appliesOncePerCustomer),
        startsAt: input.startsAt ?? new Date().toISOString(),
        endsAt: input.endsAt ?? null,
        createdAt: new Date().toISOString(),
      };
      s.discountCodes.set(discount.id, discount);
      return { codeDiscountNode: freeShippingView(discount), userErrors: [] };
    },

    codeDiscountNodeByCode: ({ code }: { code: string }) => {
      const d = byCode(code);
      if (!d) return null;
      return d.freeShipping ? freeShippingView(d) : discountNodeView(d);
    },
  };
}

function freeShippingView(d: StandinDiscountCode) {
  const node = discountNodeView(d);
  return { ...node, codeDiscount: { ...node.codeDiscount, __typename: "DiscountCodeFreeShipping" } };
}
