import { z } from "zod";
import { currencyExponent, toMinorUnits } from "../../lib/money";
import { InvalidFieldsError } from "../program/program-form";
import { TIER_METRICS, TIER_WINDOWS, type TierCriteria } from "./tier-criteria";

/** One tier as the editor posts it; `id` is absent for a new tier. */
export interface TierDraft {
  id?: string | null;
  name: string;
  /** Money in shop currency for spend ("100.00"), whole points for points. */
  threshold: string;
  earnMultiplierPct: string;
  customerTag: string;
  freeShipping: boolean;
}

/** The tier editor's whole form. */
export interface TierSetupDraft {
  metric: string;
  window: string;
  retentionDays: string;
  tiers: TierDraft[];
}

/** A validated tier setup, ready to simulate and save. */
export interface TierProposal {
  criteria: TierCriteria;
  tiers: {
    id: string | null;
    name: string;
    threshold: bigint;
    earnMultiplierPct: number;
    customerTag: string | null;
    freeShipping: boolean;
  }[];
}

export const MAX_TIERS = 10;

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "Use a whole number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Use a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}`);

/**
 * Validates the tier editor: criteria, up to 10 tiers with distinct names and thresholds, thresholds as
 * money in the shop's currency (spend) or whole points. Every bad field is reported at once in an
 * InvalidFieldsError (`tiers.1.threshold`).
 * @example parseTierSetup({ metric: "spend", window: "rolling12", retentionDays: "0", tiers: [{ name: "Gold", threshold: "500", earnMultiplierPct: "150", customerTag: "", freeShipping: false }] }, "GBP").tiers[0].threshold // 50000n
 */
export function parseTierSetup(draft: TierSetupDraft, currencyCode: string): TierProposal {
  const metric = draft.metric as TierCriteria["metric"];
  const Threshold = z
    .string()
    .trim()
    .min(1, "Enter what it takes to reach this tier")
    .transform((v, ctx) => {
      try {
        if (metric === "points") {
          if (!/^\d{1,10}$/.test(v)) throw new RangeError();
          return BigInt(v);
        }
        return BigInt(toMinorUnits(v, currencyCode));
      } catch {
        const example = currencyExponent(currencyCode) > 0 ? "like 100 or 250.50" : "like 10000";
        ctx.addIssue({ code: "custom", message: metric === "points" ? "Use a whole number of points" : `Enter an amount ${example}` });
        return z.NEVER;
      }
    })
    .refine((n) => n > 0n, "Must be more than 0");
  const Setup = z.object({
    metric: z.enum(TIER_METRICS as [string, ...string[]], { message: "Choose spend or points" }),
    window: z.enum(TIER_WINDOWS as [string, ...string[]], { message: "Choose a period" }),
    retentionDays: whole(0, 3650),
    tiers: z
      .array(
        z.object({
          id: z.string().max(64).nullish(),
          name: z.string().trim().min(1, "Name the tier").max(40, "Keep the name under 40 characters"),
          threshold: Threshold,
          earnMultiplierPct: whole(100, 1000),
          customerTag: z
            .string()
            .trim()
            .max(40, "Keep the tag under 40 characters")
            .refine((t) => !t.includes(","), "A tag cannot contain a comma")
            .transform((t) => t || null),
          freeShipping: z.boolean(),
        }),
      )
      .max(MAX_TIERS, `Up to ${MAX_TIERS} tiers`),
  });
  const result = Setup.safeParse({ ...draft, tiers: Array.isArray(draft.tiers) ? draft.tiers : [] });
  const fields: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  else {
    result.data.tiers.forEach((t, i) => {
      const before = result.data.tiers.slice(0, i);
      if (before.some((b) => b.name.toLowerCase() === t.name.toLowerCase())) fields[`tiers.${i}.name`] ??= "Another tier has this name";
      if (before.some((b) => b.threshold === t.threshold)) fields[`tiers.${i}.threshold`] ??= "Another tier starts at the same point";
    });
  }
  if (Object.keys(fields).length || !result.success) throw new InvalidFieldsError(fields);
  const { retentionDays, tiers } = result.data;
  return {
    criteria: { metric: result.data.metric as TierCriteria["metric"], window: result.data.window as TierCriteria["window"], retentionDays },
    tiers: tiers.map((t) => ({ ...t, id: t.id ?? null })),
  };
}

/**
 * The editor's draft of a saved setup: thresholds as money in the shop's currency ("100.00") or points.
 * @example setupToDraft(await getTierSetup(shop), "GBP").tiers[0].threshold // "100.00"
 */
export function setupToDraft(
  setup: {
    criteria: TierCriteria;
    tiers: { id: string; name: string; threshold: bigint; earnMultiplierPct: number; customerTag: string | null; freeShipping: boolean }[];
  },
  currencyCode: string,
): TierSetupDraft {
  const exponent = currencyExponent(currencyCode);
  const money = (minor: bigint) => {
    if (exponent === 0) return String(minor);
    const digits = minor.toString().padStart(exponent + 1, "0");
    return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  };
  return {
    metric: setup.criteria.metric,
    window: setup.criteria.window,
    retentionDays: String(setup.criteria.retentionDays),
    tiers: setup.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      threshold: setup.criteria.metric === "points" ? String(t.threshold) : money(t.threshold),
      earnMultiplierPct: String(t.earnMultiplierPct),
      customerTag: t.customerTag ?? "",
      freeShipping: t.freeShipping,
    })),
  };
}
