import { toMinorUnits } from "../../app/lib/money";

/**
 * The stand-in keeps money as Shopify's REST payloads do: decimal strings with two places. These
 * convert exactly to and from integer minor units (the app's parser, no float arithmetic).
 * @example decimalOf(3 * minorOf("2.55")) // "7.65"
 */
export function minorOf(amount: string): number {
  return toMinorUnits(amount, "GBP");
}

export function decimalOf(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
