import { z } from "zod";
import { InvalidInputError } from "../lib/errors";

/** The merchant's loyalty program settings. */
export interface LoyaltyProgramSettings {
  /** Points earned per whole unit of shop currency spent (e.g. 1 point per £1). */
  pointsPerCurrencyUnit: number;
}

export const DEFAULT_PROGRAM: LoyaltyProgramSettings = { pointsPerCurrencyUnit: 1 };

const Settings = z.object({
  pointsPerCurrencyUnit: z
    .string({ required_error: "Enter how many points a customer earns per unit of currency" })
    .trim()
    .min(1, "Enter how many points a customer earns per unit of currency")
    .regex(/^\d+$/, "Use a whole number, like 1 or 5")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, "Use a whole number from 1 to 1,000"),
});

/**
 * Validates the settings form; the first problem is thrown as an InvalidInputError naming its field.
 * @example parseProgramSettings({ pointsPerCurrencyUnit: "5" }) // { pointsPerCurrencyUnit: 5 }
 */
export function parseProgramSettings(input: Record<string, unknown>): LoyaltyProgramSettings {
  const result = Settings.safeParse({ pointsPerCurrencyUnit: input.pointsPerCurrencyUnit ?? undefined });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(String(issue.path[0] ?? "form"), issue.message);
  }
  return result.data;
}
