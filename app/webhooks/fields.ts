import { z } from "zod";
import { toGid, type GidKind, gidPattern } from "../lib/gid";
import { MAX_AMOUNT_MINOR, toMinorUnits } from "../lib/money";

/**
 * Field schemas shared by every payload parser: Shopify's ids, text, amounts, quantities and times,
 * each bounded so that no accepted value can break a later write or read (a NUL character or a
 * 3-billion quantity fails PostgreSQL; a 9e15 amount fails JavaScript's numbers).
 */

/** A legacy numeric id as Shopify sends it: a number (exact when it was parsed losslessly) or digits. */
export const legacyId = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER, "must be an exact id"),
  z.string().regex(/^\d{1,20}$/, "must be a numeric id"),
]);

/** A legacy id made a GID of `kind`. */
export const gidFrom = (kind: GidKind) => legacyId.transform((id) => toGid(kind, id));

/** A GID of `kind`, as GraphQL and `admin_graphql_api_id` carry them. */
export const gid = (kind: GidKind) => z.string().regex(gidPattern(kind), `must be a ${kind} GID`);

// String checks rather than refinements: zod runs a check in place, where each refinement wraps the
// value in an effect (a context and closures per field, per line item — most of an order's parse).
// eslint-disable-next-line no-control-regex -- NUL is the very character refused
const NO_NUL = /^[^\u0000]*$/;

/** Text without NUL characters (PostgreSQL refuses them), at most `max` characters. */
export const text = (max = 2000) => z.string().max(max, `is longer than ${max} characters`).regex(NO_NUL, "contains a NUL character");

/** A decimal amount as Shopify sends it (a string in REST and GraphQL, sometimes a number). */
export const amount = z.union([z.string(), z.number()]);

/** A line quantity: a whole number Shopify could sell (at most a million units on one line). */
export const quantity = z.number().int().min(0).max(1_000_000, "is more than 1,000,000 units");

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** An ISO 8601 date-time within the years a shop can have data for. */
export const timestamp = z.string().transform((value, ctx) => {
  const at = Date.parse(value);
  if (!Number.isNaN(at) && at >= EARLIEST && at < LATEST) return new Date(at);
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be an ISO 8601 date-time between 1990 and 2200" });
  return z.NEVER;
});

/** A three-letter currency code. */
export const currency = z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code");

/** `{ shop_money: { amount } }` as REST sends money sets. */
export const moneySet = z.object({ shop_money: z.object({ amount }) });

/**
 * Minor units of `value` in `currencyCode`, or a zod issue naming the problem (used inside transforms).
 * @example minor(ctx, "12.50", "GBP") // 1250
 */
export function minor(ctx: z.RefinementCtx, value: string | number | null | undefined, currencyCode: string, path: string): number {
  if (value === null || value === undefined) return 0;
  try {
    const result = toMinorUnits(value, currencyCode);
    if (Math.abs(result) > MAX_AMOUNT_MINOR) throw new RangeError("beyond the largest amount");
    return result;
  } catch (error) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: (error as Error).message });
    return 0;
  }
}
