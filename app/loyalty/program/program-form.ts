import { z } from "zod";
import { InvalidInputError } from "../../lib/errors";
import { WIDGET_LANGUAGES, type LoyaltyProgramSettings } from "../program";

/** Every invalid field of a form at once, by field name; `field`/`message` carry the first. */
export class InvalidFieldsError extends InvalidInputError {
  constructor(readonly fields: Record<string, string>) {
    const [field, message] = Object.entries(fields)[0] ?? ["form", "Check the form"];
    super(field, message);
  }
}

const whole = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d+$/, "Use a whole number, like 1 or 5")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Use a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}`);
const flag = z.enum(["true", "false"], { message: "Choose on or off" }).transform((v) => v === "true");
const text = (label: string, max: number) =>
  z
    .string({ required_error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Keep ${label} under ${max} characters`);

/** A product or collection as the merchant gives it: a GID, or its admin URL. */
const target = z
  .string()
  .trim()
  .transform((v) => {
    const url = /\/(products|collections)\/(\d{1,20})(?:[/?#].*)?$/.exec(v);
    return url ? `gid://shopify/${url[1] === "products" ? "Product" : "Collection"}/${url[2]}` : v;
  })
  .refine((v) => /^gid:\/\/shopify\/(Product|Collection)\/\d{1,20}$/.test(v), "Choose a product or collection");

const Multipliers = z.array(z.object({ targetGid: target, multiplierPct: whole("a multiplier in percent", 0, 1000) })).max(50);

const ProgramForm = z.object({
  enabled: flag,
  name: text("the program's name", 60),
  pointsLabel: text("what your points are called", 30),
  languages: z
    .array(z.string().refine((l) => l in WIDGET_LANGUAGES, "Choose from the languages listed"))
    .min(1, "Choose at least one language"),
  pointsPerCurrencyUnit: whole("how many points a customer earns per unit of currency", 1, 1000),
  includeShipping: flag,
  includeTax: flag,
  includeGiftCards: flag,
  signupBonus: whole("the sign-up bonus (0 for none)", 0, 100_000),
  birthdayBonus: whole("the birthday bonus (0 for none)", 0, 100_000),
  firstOrderBonus: whole("the first-order bonus (0 for none)", 0, 100_000),
  multipliers: Multipliers,
  pendingDays: whole("the pending period in days (0 for none)", 0, 365),
  releaseOnFulfilment: flag,
  expiryDays: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.null().or(whole("the expiry period in days", 30, 3650))),
});

/**
 * Validates the program settings form (flat string fields; `languages` comma-separated; `multipliers`
 * JSON of [{ targetGid, multiplierPct }]). Every invalid field is reported at once in an
 * InvalidFieldsError (`multipliers.2.targetGid` for a row); nothing is returned half-valid.
 * @example parseProgramForm({ ...form, pointsPerCurrencyUnit: "5" }).pointsPerCurrencyUnit // 5
 */
export function parseProgramForm(input: Record<string, string | undefined>): LoyaltyProgramSettings {
  let multipliers: unknown;
  try {
    multipliers = JSON.parse(input.multipliers || "[]");
  } catch {
    throw new InvalidFieldsError({ multipliers: "The multipliers could not be read; reload the page" });
  }
  const result = ProgramForm.safeParse({
    ...input,
    languages: (input.languages ?? "").split(",").filter(Boolean),
    multipliers: Array.isArray(multipliers)
      ? multipliers.map((m: Record<string, unknown>) => ({
          targetGid: String(m?.targetGid ?? ""),
          multiplierPct: String(m?.multiplierPct ?? ""),
        }))
      : multipliers,
    expiryDays: input.expiryDays ?? "",
  });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  throw new InvalidFieldsError(fields);
}

/**
 * The form's fields for saved settings (the page starts from these; parseProgramForm reads them back).
 * @example parseProgramForm(programToForm(settings)) // equal to settings
 */
export function programToForm(settings: LoyaltyProgramSettings): Record<string, string> {
  return {
    enabled: String(settings.enabled),
    name: settings.name,
    pointsLabel: settings.pointsLabel,
    languages: settings.languages.join(","),
    pointsPerCurrencyUnit: String(settings.pointsPerCurrencyUnit),
    includeShipping: String(settings.includeShipping),
    includeTax: String(settings.includeTax),
    includeGiftCards: String(settings.includeGiftCards),
    signupBonus: String(settings.signupBonus),
    birthdayBonus: String(settings.birthdayBonus),
    firstOrderBonus: String(settings.firstOrderBonus),
    multipliers: JSON.stringify(settings.multipliers.map((m) => ({ targetGid: m.targetGid, multiplierPct: String(m.multiplierPct) }))),
    pendingDays: String(settings.pendingDays),
    releaseOnFulfilment: String(settings.releaseOnFulfilment),
    expiryDays: settings.expiryDays === null ? "" : String(settings.expiryDays),
  };
}
