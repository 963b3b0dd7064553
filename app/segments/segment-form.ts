import type { SegmentRules } from "./segment-rules";

/** One row of the segment editor as the merchant edits it: every input is text. */
export interface ConditionDraft {
  field: string;
  op: string;
  value: string;
}

/** What each condition kind offers in the editor: its label, its operators, and what its value is. */
export const CONDITION_KINDS: Record<string, { label: string; ops: { label: string; value: string }[]; valueLabel: string }> = {
  ltv: {
    label: "Lifetime value (net)",
    ops: [
      { label: "at least", value: "gte" },
      { label: "at most", value: "lte" },
    ],
    valueLabel: "Amount",
  },
  orderCount: {
    label: "Number of orders",
    ops: [
      { label: "at least", value: "gte" },
      { label: "at most", value: "lte" },
      { label: "exactly", value: "eq" },
    ],
    valueLabel: "Orders",
  },
  daysSinceLastOrder: {
    label: "Days since last order",
    ops: [
      { label: "at least", value: "gte" },
      { label: "at most", value: "lte" },
    ],
    valueLabel: "Days",
  },
  tag: {
    label: "Customer tag",
    ops: [
      { label: "has", value: "has" },
      { label: "does not have", value: "lacks" },
    ],
    valueLabel: "Tag",
  },
  country: {
    label: "Country",
    ops: [
      { label: "is one of", value: "in" },
      { label: "is none of", value: "notIn" },
    ],
    valueLabel: "Country codes (GB, FR)",
  },
  boughtProduct: { label: "Bought product", ops: [{ label: "", value: "" }], valueLabel: "Product GID" },
  boughtCollection: { label: "Bought from collection", ops: [{ label: "", value: "" }], valueLabel: "Collection GID" },
  channel: { label: "Bought via", ops: [{ label: "", value: "" }], valueLabel: "pos or online" },
};

/**
 * The editor's text drafts → the input parseSegmentRules validates (validation and its field errors
 * stay in one place; this only shapes).
 * @example toRulesInput("VIP", "all", [{ field: "ltv", op: "gte", value: "500" }])
 */
export function toRulesInput(name: string, match: string, drafts: ConditionDraft[]): unknown {
  return {
    name,
    match,
    conditions: drafts.map(({ field, op, value }) => {
      switch (field) {
        case "ltv":
          return { field, op, amount: value };
        case "orderCount":
          return { field, op, value };
        case "daysSinceLastOrder":
          return { field, op, days: value };
        case "tag":
          return { field, op, tag: value };
        case "country":
          return {
            field,
            op,
            countries: value
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((c) => c.toUpperCase()),
          };
        case "boughtProduct":
          return { field, productGid: value.trim() };
        case "boughtCollection":
          return { field, collectionGid: value.trim() };
        case "channel":
          return { field, channel: value.trim().toLowerCase() };
        default:
          return { field };
      }
    }),
  };
}

/** A stored segment → editor drafts. */
export function toDrafts(rules: Pick<SegmentRules, "conditions">): ConditionDraft[] {
  return rules.conditions.map((c) => {
    switch (c.field) {
      case "ltv":
        return { field: c.field, op: c.op, value: String(c.amount) };
      case "orderCount":
        return { field: c.field, op: c.op, value: String(c.value) };
      case "daysSinceLastOrder":
        return { field: c.field, op: c.op, value: String(c.days) };
      case "tag":
        return { field: c.field, op: c.op, value: c.tag };
      case "country":
        return { field: c.field, op: c.op, value: c.countries.join(", ") };
      case "boughtProduct":
        return { field: c.field, op: "", value: c.productGid };
      case "boughtCollection":
        return { field: c.field, op: "", value: c.collectionGid };
      case "channel":
        return { field: c.field, op: "", value: c.channel };
    }
  });
}
