/**
 * Money as integer minor units, parsed exactly from Shopify's decimal strings (no float arithmetic).
 * The currency's exponent comes from Intl (GBP 2, JPY 0, KWD 3).
 * @example toMinorUnits("12.5", "GBP") // 1250
 */
export function currencyExponent(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new RangeError(`unknown currency ${currencyCode}`);
  }
}

export function toMinorUnits(amount: string | number, currencyCode: string): number {
  const text = typeof amount === "number" ? String(amount) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const exponent = currencyExponent(currencyCode);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) {
    throw new RangeError(`${text} has more decimals than ${currencyCode} allows`);
  }
  const minor = Number(whole) * 10 ** exponent + Number(fraction.slice(0, exponent).padEnd(exponent, "0") || "0");
  return sign ? -minor : minor;
}

/** Formats minor units for people, e.g. 1250 GBP → "£12.50". */
export function formatMoney(minor: number, currencyCode: string, locale = "en-GB"): string {
  const exponent = currencyExponent(currencyCode);
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(minor / 10 ** exponent);
}
