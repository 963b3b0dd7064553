import { z } from "zod";
import prisma from "../db.server";
import { NO_RULES, type BlockConfig, type MerchantRules } from "./engine/compose";
import { STRATEGY_NAMES } from "./engine/strategies";
import type { Surface } from "./strategy";

/** The merchant's personalization settings: each surface's strategy chain and the ranking rules. */
export interface PersonalizationSettings {
  blocks: Record<Surface, BlockConfig>;
  rules: MerchantRules;
}

export const DEFAULT_SETTINGS: PersonalizationSettings = {
  blocks: {
    home: { primary: "for-you", fallbacks: ["trending"] },
    product: { primary: "bought-together", fallbacks: ["similar", "trending"] },
    cart: { primary: "bought-together", fallbacks: ["for-you", "trending"] },
  },
  rules: NO_RULES,
};

const strategy = z.enum(STRATEGY_NAMES);
const block = z.object({ primary: strategy, fallbacks: z.array(strategy).max(5) });
const field = z.enum(["tag", "type", "vendor", "collection"]);
/** The settings as stored and as the admin form submits them. */
export const settingsSchema = z.object({
  blocks: z.object({ home: block, product: block, cart: block }),
  rules: z.object({
    pin: z.array(z.string()).max(24),
    exclude: z.array(z.string()).max(500),
    excludeWhere: z.array(z.object({ field, value: z.string().min(1) })).max(50),
    boost: z.array(z.object({ field, value: z.string().min(1), factor: z.number().min(0).max(100) })).max(50),
    ratingWeight: z.number().min(0).max(2),
  }),
});

/** A shop's settings (defaults until the merchant saves some). */
export async function readSettings(shop: string): Promise<PersonalizationSettings> {
  const row = await prisma.recommendationBuild.findUnique({ where: { shop }, select: { settings: true } });
  const parsed = settingsSchema.safeParse(JSON.parse(row?.settings ?? "{}"));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

const SETTINGS_TTL_MS = 5_000;
const cached = new Map<string, { at: number; settings: Promise<PersonalizationSettings>; value?: PersonalizationSettings }>();

/**
 * The shop's settings for serving, read at most every few seconds per process (the storefront's hot
 * path must not read them per request); a saved change shows within SETTINGS_TTL_MS.
 * @example (await servedSettings(shop)).blocks.home
 */
export function servedSettings(shop: string): Promise<PersonalizationSettings> {
  const hit = cached.get(shop);
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.settings;
  const previous = hit?.settings.catch(() => null);
  // Unchanged settings keep their object: answers remembered under it (list-store) stay valid.
  const entry: { at: number; settings: Promise<PersonalizationSettings>; value?: PersonalizationSettings } = {
    at: Date.now(),
    settings: readSettings(shop).then(async (fresh) => {
      const before = await previous;
      return (entry.value = before && JSON.stringify(before) === JSON.stringify(fresh) ? before : fresh);
    }),
  };
  cached.set(shop, entry);
  return entry.settings;
}

/**
 * The settings servedSettings would answer with at once (read within SETTINGS_TTL_MS and arrived), else
 * undefined (ask servedSettings): what a remembered answer is checked against without waiting on a promise.
 * @example const settings = servedSettingsNow(shop) ?? (await servedSettings(shop))
 */
export function servedSettingsNow(shop: string): PersonalizationSettings | undefined {
  const hit = cached.get(shop);
  return hit && Date.now() - hit.at < SETTINGS_TTL_MS ? hit.value : undefined;
}

/** Forgets the served settings of a shop (or all): the process that saves them shows the change at once. */
export function forgetServedSettings(shop?: string): void {
  if (shop) cached.delete(shop);
  else cached.clear();
}
