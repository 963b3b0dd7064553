/**
 * The subset of Shopify's search syntax (the `query:` argument of `orders`, `customers`, `products`
 * and the `*Count` fields) that the app uses: date comparisons such as
 * `updated_at:>='2026-01-01T00:00:00Z'`, with `>=`, `>`, `<=`, `<` or none (exact instant), the value
 * optionally in single or double quotes, several terms joined by spaces or ` AND ` (all must hold).
 * As Shopify does for a field it does not know, a term on a field the caller did not list, free text,
 * `OR`/`NOT` and a value that is not a date are ignored — so an unsupported filter widens the result
 * instead of failing; callers must not rely on anything beyond the date comparisons.
 * @example searchFilter("updated_at:>='2026-01-01T00:00:00Z'", { updated_at: (o) => o.updatedAt })(order)
 */
export interface SearchTerm {
  field: string;
  op: ">=" | ">" | "<=" | "<" | "=";
  value: string;
}

/** Getters for the date fields a resource can be searched by, keyed by Shopify's field name. */
export type DateFields<T> = Record<string, (record: T) => string | undefined>;

const IGNORED_WORDS = new Set(["AND", "OR", "NOT"]);

/** Splits on whitespace outside quotes. */
function tokens(query: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of query) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (/\s/.test(ch)) {
      if (current) out.push(current);
      current = "";
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** The comparison terms in a query string; words and terms without a field are left out. */
export function parseSearchQuery(query: string | null | undefined): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const token of tokens(query ?? "")) {
    if (IGNORED_WORDS.has(token)) continue;
    const match = /^([a-z_]+):(>=|<=|>|<)?(.+)$/.exec(token);
    if (!match) continue;
    const value = match[3]!.replace(/^(['"])(.*)\1$/, "$2");
    terms.push({ field: match[1]!, op: (match[2] ?? "=") as SearchTerm["op"], value });
  }
  return terms;
}

/** A predicate keeping the records every understood term accepts. */
export function searchFilter<T>(query: string | null | undefined, fields: DateFields<T>): (record: T) => boolean {
  const checks = parseSearchQuery(query).flatMap((term) => {
    const read = fields[term.field];
    const bound = Date.parse(term.value);
    if (!read || Number.isNaN(bound)) return [];
    return [
      (record: T) => {
        const at = read(record);
        return at === undefined || holds(Date.parse(at), term.op, bound);
      },
    ];
  });
  return (record) => checks.every((check) => check(record));
}

function holds(at: number, op: SearchTerm["op"], bound: number): boolean {
  if (op === ">=") return at >= bound;
  if (op === ">") return at > bound;
  if (op === "<=") return at <= bound;
  if (op === "<") return at < bound;
  return at === bound;
}
