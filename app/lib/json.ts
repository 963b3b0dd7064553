/** A run of 16 or more digits: the only integer literals JSON.parse may round. */
const LONG_DIGITS = /\d{16,}/g;

/**
 * Parses JSON without losing Shopify ids: integers beyond 2^53 (Shopify's ids pass it) become digit
 * strings instead of rounded numbers; every other number is a number.
 * Why by hand: lossless-json parsed a 30-line order 3× slower than quoting the long integers and
 * handing the text to the native JSON.parse (1.2 ms against 0.4 ms), and a reviver reading
 * `context.source` is slower still; the inbox parses every delivery once. Only runs of 16+ digits are
 * looked at (none in most payloads), and for each, whether it stands outside a string literal — the
 * string boundaries are found with indexOf up to it — and is a whole integer literal.
 * @example parseJsonLossless('{"id":820982911946154508}') // { id: "820982911946154508" }
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

function quoteLongIntegers(text: string): string {
  LONG_DIGITS.lastIndex = 0;
  let out = "";
  let copied = 0;
  let cursor = 0;
  let inString = false;
  for (let match = LONG_DIGITS.exec(text); match; match = LONG_DIGITS.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    // Every quote before the digits opens or closes a string, unless a string escapes it.
    for (let quote = text.indexOf('"', cursor); quote !== -1 && quote < at; quote = text.indexOf('"', cursor)) {
      cursor = quote + 1;
      if (!inString || !isEscaped(text, quote)) inString = !inString;
    }
    if (inString) continue;
    const start = text.charCodeAt(at - 1) === 45 /* - */ ? at - 1 : at;
    // Part of a decimal, an exponent or a word, not an integer literal of its own.
    if (start > 0 && isNumberOrWordChar(text.charCodeAt(start - 1))) continue;
    const next = text.charCodeAt(end);
    if (next === 46 /* . */ || next === 101 /* e */ || next === 69 /* E */) continue;
    const token = text.slice(start, end);
    if (Number.isSafeInteger(Number(token))) continue;
    out += `${text.slice(copied, start)}"${token}"`;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** An odd number of backslashes before a quote escapes it. */
function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 92 /* \ */) backslashes += 1;
  return backslashes % 2 === 1;
}

/** [A-Za-z0-9_.+-] */
function isNumberOrWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 43 ||
    code === 45
  );
}
