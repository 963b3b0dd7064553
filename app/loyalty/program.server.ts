import prisma, { type Tx } from "../db.server";
import { DEFAULT_PROGRAM, parseProgramSettings, type LoyaltyProgramSettings } from "./program";

/**
 * The shop's loyalty program, or the defaults before the merchant saved any.
 * @example (await getLoyaltyProgram(shop)).pointsPerCurrencyUnit // 1
 */
export async function getLoyaltyProgram(shop: string, db: Tx = prisma): Promise<LoyaltyProgramSettings> {
  const row = await db.loyaltyProgram.findUnique({ where: { shop } });
  return row ? { pointsPerCurrencyUnit: row.pointsPerCurrencyUnit } : { ...DEFAULT_PROGRAM };
}

/** Validates and saves the settings form; throws InvalidInputError (nothing saved) on a bad field. */
export async function saveLoyaltyProgram(shop: string, input: Record<string, unknown>): Promise<LoyaltyProgramSettings> {
  const settings = parseProgramSettings(input);
  await prisma.loyaltyProgram.upsert({ where: { shop }, create: { shop, ...settings }, update: settings });
  return settings;
}
