import type { PersonalizationSettings } from "./settings.server";

const SURFACES = ["home", "product", "cart"] as const;
const list = (value: string | undefined) =>
  (value ?? "")
    .split(/[,\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
const productGid = (v: string) => (/^\d+$/.test(v) ? `gid://shopify/Product/${v}` : v);

/**
 * The personalization form's flat fields as the settings object the schema validates (pure): per
 * surface `<surface>.primary` and `<surface>.fallbacks` (comma-separated), `pin` and `exclude`
 * (product ids or GIDs), `excludeWhere` lines `field:value`, `boost` lines `field:value:factor`,
 * `ratingWeight`. Invalid values pass through for the schema to name.
 * @example settingsFromForm({ "home.primary": "for-you", "home.fallbacks": "trending", boost: "vendor:Clay:1.5" })
 */
export function settingsFromForm(form: Record<string, string>): unknown {
  const rule = (line: string) => {
    const [field, value, factor] = line.split(":").map((p) => p.trim());
    return { field, value, ...(factor === undefined ? {} : { factor: Number(factor) }) };
  };
  return {
    blocks: Object.fromEntries(SURFACES.map((s) => [s, { primary: form[`${s}.primary`], fallbacks: list(form[`${s}.fallbacks`]) }])),
    rules: {
      pin: list(form.pin).map(productGid),
      exclude: list(form.exclude).map(productGid),
      excludeWhere: (form.excludeWhere ?? "")
        .split("\n")
        .filter((l) => l.trim())
        .map(rule),
      boost: (form.boost ?? "")
        .split("\n")
        .filter((l) => l.trim())
        .map(rule),
      ratingWeight: Number(form.ratingWeight ?? 0),
    },
  };
}

/** The settings as the form's flat fields (the inverse of settingsFromForm). */
export function formFromSettings(settings: PersonalizationSettings): Record<string, string> {
  const form: Record<string, string> = {};
  for (const s of SURFACES) {
    form[`${s}.primary`] = settings.blocks[s].primary;
    form[`${s}.fallbacks`] = settings.blocks[s].fallbacks.join(", ");
  }
  form.pin = settings.rules.pin.join(", ");
  form.exclude = settings.rules.exclude.join(", ");
  form.excludeWhere = settings.rules.excludeWhere.map((r) => `${r.field}:${r.value}`).join("\n");
  form.boost = settings.rules.boost.map((r) => `${r.field}:${r.value}:${r.factor}`).join("\n");
  form.ratingWeight = String(settings.rules.ratingWeight);
  return form;
}
