/**
 * A JSON string literal, or an integer literal of 16 or more digits that is not part of a decimal or an
 * exponent: the only kind of number JSON.parse may round. Strings are matched so that digits inside
 * them are skipped; both alternatives are disjoint, so the scan is linear.
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![\d.eE])/g;

/**
 * Parses JSON without losing Shopify ids: integers beyond 2^53 (Shopify's ids pass it) become digit
 * strings instead of rounded numbers; every other number is a number.
 * Why by hand: lossless-json parsed a 30-line order 3× slower than quoting the long integers and
 * handing the text to the native JSON.parse (1.2 ms against 0.4 ms), and a reviver reading
 * `context.source` is slower still; the inbox parses every delivery once.
 * @example parseJsonLossless('{"id":820982911946154508}') // { id: "820982911946154508" }
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(text.replace(STRING_OR_LONG_INTEGER, quoteUnsafeInteger));
}

function quoteUnsafeInteger(token: string): string {
  return token.charCodeAt(0) === 34 /* " */ || Number.isSafeInteger(Number(token)) ? token : `"${token}"`;
}
