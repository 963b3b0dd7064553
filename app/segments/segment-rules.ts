import { z } from "zod";
import { isGid } from "../lib/gid";

const amount = z.coerce.number({ invalid_type_error: "Enter an amount" }).finite().min(0, "Must be 0 or more").max(1e11, "Too large");
const count = z.coerce.number({ invalid_type_error: "Enter a number" }).int("Must be a whole number").min(0, "Must be 0 or more");
const compare = z.enum(["gte", "lte"], { errorMap: () => ({ message: "Choose at least or at most" }) });
const gidOf = (kind: "Product" | "Collection") => z.string().refine((value) => isGid(value, kind), `Choose a ${kind.toLowerCase()}`);

/** One condition of a merchant segment; each kind compiles to one SQL predicate (segment-sql.server.ts). */
export const SegmentCondition = z.discriminatedUnion("field", [
  z.object({ field: z.literal("ltv"), op: compare, amount }),
  z.object({ field: z.literal("orderCount"), op: z.enum(["gte", "lte", "eq"]), value: count.max(1_000_000, "Too large") }),
  z.object({ field: z.literal("daysSinceLastOrder"), op: compare, days: count.max(36_500, "At most 100 years") }),
  z.object({
    field: z.literal("tag"),
    op: z.enum(["has", "lacks"]),
    tag: z
      .string()
      .trim()
      .min(1, "Enter a tag")
      .max(255, "At most 255 characters")
      .refine((t) => !t.includes(","), "One tag, without commas"),
  }),
  z.object({
    field: z.literal("country"),
    op: z.enum(["in", "notIn"]),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes, e.g. GB"))
      .min(1, "Choose at least one country")
      .max(250),
  }),
  z.object({ field: z.literal("boughtProduct"), productGid: gidOf("Product") }),
  z.object({ field: z.literal("boughtCollection"), collectionGid: gidOf("Collection") }),
  z.object({ field: z.literal("channel"), channel: z.enum(["pos", "online"], { errorMap: () => ({ message: "Choose POS or online" }) }) }),
]);

/**
 * A merchant-defined segment: a name and conditions, all of which (or any of which) a customer meets.
 * @example { name: "VIP", match: "all", conditions: [{ field: "ltv", op: "gte", amount: 500 }, { field: "tag", op: "has", tag: "vip" }] }
 */
export const SegmentRules = z.object({
  name: z.string().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  match: z.enum(["all", "any"]),
  conditions: z.array(SegmentCondition).min(1, "Add at least one condition").max(20, "At most 20 conditions"),
});

export type SegmentCondition = z.infer<typeof SegmentCondition>;
export type SegmentRules = z.infer<typeof SegmentRules>;

export type FieldErrors = Record<string, string>;

/**
 * Validates merchant input; bad input comes back as field errors keyed by path ("conditions.0.amount"),
 * never as an exception.
 */
export function parseSegmentRules(input: unknown): { ok: true; rules: SegmentRules } | { ok: false; errors: FieldErrors } {
  const result = SegmentRules.safeParse(input);
  if (result.success) return { ok: true, rules: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join(".") || "rules"] ??= issue.message;
  return { ok: false, errors };
}
