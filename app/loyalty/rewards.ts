import { createHash } from "node:crypto";
import { z } from "zod";
import { currencyExponent } from "../lib/money";
import { InvalidInputError } from "../lib/errors";

export const REWARD_KINDS = ["amount_off", "percentage_off", "free_shipping", "free_product"] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** A reward in the catalogue, as the redemption reads it. */
export interface Reward {
  id: string;
  title: string;
  kind: RewardKind;
  pointsCost: number;
  amountMinor: number | null;
  percentage: number | null;
  variantGid: string | null;
  minimumOrderMinor: number | null;
  expiresAfterDays: number | null;
  /** Tier-only: for members of this tier and the tiers above it (null: every member). */
  tierId: string | null;
}

const whole = (field: string, min: number, max: number) =>
  z
    .string({ required_error: `Enter the ${field}` })
    .trim()
    .min(1, `Enter the ${field}`)
    .regex(/^\d+$/, "Use a whole number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Use a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}`);
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const money = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,3})?$/, `Enter the ${label} as an amount, like 5 or 4.50`);

const RewardForm = z.object({
  title: z
    .string({ required_error: "Give the reward a name" })
    .trim()
    .min(1, "Give the reward a name")
    .max(100, "Keep the name under 100 characters"),
  kind: z.enum(REWARD_KINDS, { errorMap: () => ({ message: "Choose what the reward gives" }) }),
  pointsCost: whole("points it costs", 1, 10_000_000),
  amount: optional(money("amount off")),
  percentage: optional(whole("percentage off", 1, 100)),
  variantGid: optional(
    z
      .string()
      .trim()
      .regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/, "Choose the product variant given free"),
  ),
  minimumOrder: optional(money("minimum order")),
  expiresAfterDays: optional(whole("days the code stays valid", 1, 3650)),
  tierId: optional(z.string().trim().max(64)),
});

/**
 * Validates the reward form (strings, as the admin posts them); the first problem is thrown as an
 * InvalidInputError naming its field. Amounts become minor units of the shop's currency.
 * @example parseRewardForm({ title: "£5 off", kind: "amount_off", pointsCost: "500", amount: "5" }, "GBP").amountMinor // 500
 */
export function parseRewardForm(input: Record<string, unknown>, currencyCode: string): Omit<Reward, "id"> {
  const result = RewardForm.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(String(issue.path[0] ?? "form"), issue.message);
  }
  const r = result.data;
  const minor = (amount: string) => {
    const [whole, fraction = ""] = amount.split(".");
    const exponent = currencyExponent(currencyCode);
    if (fraction.length > exponent) throw new InvalidInputError("amount", `${currencyCode} has ${exponent} decimals`);
    return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || 0);
  };
  if (r.kind === "amount_off" && !r.amount) throw new InvalidInputError("amount", "Enter the amount off");
  if (r.kind === "percentage_off" && !r.percentage) throw new InvalidInputError("percentage", "Enter the percentage off");
  if (r.kind === "free_product" && !r.variantGid) throw new InvalidInputError("variantGid", "Choose the product variant given free");
  const amountMinor = r.kind === "amount_off" ? minor(r.amount!) : null;
  if (amountMinor === 0) throw new InvalidInputError("amount", "The amount off must be more than 0");
  return {
    title: r.title,
    kind: r.kind,
    pointsCost: r.pointsCost,
    amountMinor,
    percentage: r.kind === "percentage_off" ? r.percentage! : null,
    variantGid: r.kind === "free_product" ? r.variantGid! : null,
    minimumOrderMinor: r.minimumOrder ? minor(r.minimumOrder) : null,
    expiresAfterDays: r.expiresAfterDays ?? null,
    tierId: r.tierId ?? null,
  };
}

/**
 * The discount code of a redemption: derived from its id alone, so every retry of the Admin call asks
 * for the same code and Shopify's uniqueness makes a second code impossible.
 * @example redemptionCode("4f0c…") // "RAPPORT-7K2QW9XM4B"
 */
export function redemptionCode(redemptionId: string): string {
  const digest = createHash("sha256").update(`rapport-redemption:${redemptionId}`).digest();
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let code = "";
  for (let i = 0; i < 10; i += 1) code += alphabet[digest[i]! % alphabet.length];
  return `RAPPORT-${code}`;
}

function decimal(minor: number, currencyCode: string): string {
  const exponent = currencyExponent(currencyCode);
  return exponent === 0 ? String(minor) : (minor / 10 ** exponent).toFixed(exponent);
}

/**
 * The Admin API input for a reward's single-use code: locked to the customer, usage limit 1, once per
 * customer, optionally with a minimum order and an end date. Free shipping uses its own mutation.
 */
export function discountInput(reward: Reward, code: string, customerGid: string, currencyCode: string, now: Date) {
  const common = {
    title: `${reward.title} — loyalty reward ${code}`,
    code,
    startsAt: now.toISOString(),
    endsAt: reward.expiresAfterDays ? new Date(now.getTime() + reward.expiresAfterDays * 86_400_000).toISOString() : null,
    context: { customers: { add: [customerGid] } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    minimumRequirement: reward.minimumOrderMinor
      ? { subtotal: { greaterThanOrEqualToSubtotal: decimal(reward.minimumOrderMinor, currencyCode) } }
      : null,
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
  };
  if (reward.kind === "free_shipping") return { mutation: "freeShipping" as const, input: { ...common, destination: { all: true } } };
  const customerGets =
    reward.kind === "amount_off"
      ? {
          value: { discountAmount: { amount: decimal(reward.amountMinor!, currencyCode), appliesOnEachItem: false } },
          items: { all: true },
        }
      : reward.kind === "percentage_off"
        ? { value: { percentage: reward.percentage! / 100 }, items: { all: true } }
        : { value: { percentage: 1 }, items: { products: { productVariantsToAdd: [reward.variantGid!] } } };
  return { mutation: "basic" as const, input: { ...common, customerGets } };
}
