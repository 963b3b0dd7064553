/**
 * Money as integer minor units, parsed exactly from Shopify's decimal strings (no float arithmetic).
 * The currency's exponent comes from Intl (GBP 2, JPY 0, KWD 3).
 * @example toMinorUnits("12.5", "GBP") // 1250
 */
export function currencyExponent(currencyCode: string): number {
  // Remembered per currency: building an Intl.NumberFormat costs more than parsing the whole amount,
  // and every money field of every order asks.
  const known = EXPONENTS.get(currencyCode);
  if (known !== undefined) return known;
  let exponent: number;
  try {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new RangeError(`unknown currency ${currencyCode}`);
  }
  EXPONENTS.set(currencyCode, exponent);
  return exponent;
}
const EXPONENTS = new Map<string, number>();

/**
 * The largest amount Rapport accepts for one order or line, in minor units (10^13: a hundred billion
 * pounds, or IDR 100 billion). Larger values are refused at the edge, so sums of many of them stay exact
 * in a JS number and no stored value can break a later read.
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;

export function toMinorUnits(amount: string | number, currencyCode: string): number {
  const text = typeof amount === "number" ? String(amount) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const exponent = currencyExponent(currencyCode);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) {
    throw new RangeError(`${text} has more decimals than ${currencyCode} allows`);
  }
  if (whole!.replace(/^0+/, "").length + exponent > 14)
    throw new RangeError(`${text} ${currencyCode} is beyond the largest amount Rapport accepts`);
  const minor = Number(whole) * 10 ** exponent + Number(fraction.slice(0, exponent).padEnd(exponent, "0") || "0");
  if (minor > MAX_AMOUNT_MINOR) throw new RangeError(`${text} ${currencyCode} is beyond the largest amount Rapport accepts`);
  return sign ? -minor : minor;
}

/** Formats minor units for people, e.g. 1250 GBP → "£12.50". */
export function formatMoney(minor: number | bigint, currencyCode: string, locale = "en-GB"): string {
  const exponent = currencyExponent(currencyCode);
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(Number(minor) / 10 ** exponent);
}
