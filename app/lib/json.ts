import { isSafeNumber, parse } from "lossless-json";

/** An integer literal of 16 or more digits: the only kind JSON.parse may round. */
const LONG_INTEGER = /(?:^|[^\d."\w])-?\d{16,}(?![\d.eE])/;

/**
 * Parses JSON without losing Shopify ids: integers beyond 2^53 (Shopify's ids pass it) become digit
 * strings instead of rounded numbers; every other number is a number.
 * Why by hand around lossless-json: its parser is several times slower than JSON.parse, so it only
 * runs when the text holds a long integer literal at all.
 * @example parseJsonLossless('{"id":820982911946154508}') // { id: "820982911946154508" }
 */
export function parseJsonLossless(text: string): unknown {
  if (!LONG_INTEGER.test(text)) return JSON.parse(text);
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : /^-?\d+$/.test(value) ? value : Number(value)));
}
