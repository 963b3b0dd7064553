/** Lines of a product or collection earn at `multiplierPct`/100 of the normal rate (0: they earn nothing). */
export interface EarningMultiplier {
  /** gid://shopify/Product/… or gid://shopify/Collection/… */
  targetGid: string;
  multiplierPct: number;
}

/** The merchant's loyalty program settings (docs/decisions/009). */
export interface LoyaltyProgramSettings {
  /** Program on/off: off, orders earn nothing new and nothing can be redeemed. */
  enabled: boolean;
  name: string;
  /** What the shop calls its points ("Stars"). */
  pointsLabel: string;
  /** Languages the storefront widget speaks, e.g. ["en", "fr"]. */
  languages: string[];
  /** Points earned per whole unit of shop currency on the earning base (e.g. 1 point per £1). */
  pointsPerCurrencyUnit: number;
  /** The earning base is merchandise after discounts; these add shipping, tax, or gift cards sold. */
  includeShipping: boolean;
  includeTax: boolean;
  includeGiftCards: boolean;
  /** One-off bonuses in points (0: off). */
  signupBonus: number;
  birthdayBonus: number;
  firstOrderBonus: number;
  multipliers: EarningMultiplier[];
  /** Earned points become spendable this many days after the order (0: at once). */
  pendingDays: number;
  releaseOnFulfilment: boolean;
  /** A balance untouched this many days expires (null: never). */
  expiryDays: number | null;
}

export const DEFAULT_PROGRAM: LoyaltyProgramSettings = {
  enabled: true,
  name: "Rewards",
  pointsLabel: "Points",
  languages: ["en"],
  pointsPerCurrencyUnit: 1,
  includeShipping: false,
  includeTax: false,
  includeGiftCards: false,
  signupBonus: 0,
  birthdayBonus: 0,
  firstOrderBonus: 0,
  multipliers: [],
  pendingDays: 0,
  releaseOnFulfilment: false,
  expiryDays: null,
};

/** Languages the storefront widget has translations for. */
export const WIDGET_LANGUAGES: Readonly<Record<string, string>> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
  it: "Italian",
  nl: "Dutch",
  "pt-BR": "Portuguese (Brazil)",
  ja: "Japanese",
};
