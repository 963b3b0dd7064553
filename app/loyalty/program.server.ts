import prisma, { type Tx } from "../db.server";
import { DEFAULT_PROGRAM, type EarningMultiplier, type LoyaltyProgramSettings } from "./program";
import { parseProgramForm } from "./program/program-form";
import { forgetStorefrontProgram } from "./storefront/panel-reads.server";

/**
 * The shop's loyalty program, or the defaults before the merchant saved any.
 * @example (await getLoyaltyProgram(shop)).pointsPerCurrencyUnit // 1
 */
export async function getLoyaltyProgram(shop: string, db: Tx = prisma): Promise<LoyaltyProgramSettings> {
  const row = await db.loyaltyProgram.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_PROGRAM, languages: [...DEFAULT_PROGRAM.languages], multipliers: [] };
  return {
    enabled: row.enabled,
    name: row.name,
    pointsLabel: row.pointsLabel,
    languages: row.languages.split(",").filter(Boolean),
    pointsPerCurrencyUnit: row.pointsPerCurrencyUnit,
    includeShipping: row.includeShipping,
    includeTax: row.includeTax,
    includeGiftCards: row.includeGiftCards,
    signupBonus: row.signupBonus,
    birthdayBonus: row.birthdayBonus,
    firstOrderBonus: row.firstOrderBonus,
    multipliers: JSON.parse(row.multipliers) as EarningMultiplier[],
    pendingDays: row.pendingDays,
    releaseOnFulfilment: row.releaseOnFulfilment,
    expiryDays: row.expiryDays,
  };
}

/**
 * Validates and saves the settings form; throws InvalidFieldsError naming every bad field (nothing saved).
 * @example await saveLoyaltyProgram(shop, { ...form, pointsLabel: "Stars" })
 */
export async function saveLoyaltyProgram(shop: string, input: Record<string, string | undefined>): Promise<LoyaltyProgramSettings> {
  const settings = parseProgramForm(input);
  const data = { ...settings, languages: settings.languages.join(","), multipliers: JSON.stringify(settings.multipliers) };
  await prisma.loyaltyProgram.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  forgetStorefrontProgram(shop);
  return settings;
}
