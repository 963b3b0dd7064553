import type { ImportSource } from "./import-sources";

/** What earlier imports from one source already posted for a customer. */
export interface PriorImport {
  /** Sum of their `earn:import` postings. */
  earned: number;
  /** Sum of their `import:spent` postings (zero or negative). */
  spent: number;
  /** The highest import generation posted so far (0: none). */
  generation: number;
}

export const NO_PRIOR_IMPORT: PriorImport = { earned: 0, spent: 0, generation: 0 };

/** One import posting, before the shop and staff are added. */
export interface ImportPosting {
  customerGid: string;
  points: number;
  reason: "earn:import" | "import:spent";
  idempotencyKey: string;
}

/** The ledger key prefix of every posting an import from `source` makes. */
export const importKeyPrefix = (source: ImportSource) => `import:${source}:`;

const KEY = /:(\d+):(earned|spent)$/;

/**
 * Adds one import posting to a customer's prior total for the source (its key carries the generation).
 * @example addPrior(NO_PRIOR_IMPORT, { points: 90, reason: "earn:import", idempotencyKey: "import:smile:gid://shopify/Customer/1:1:earned" })
 * // { earned: 90, spent: 0, generation: 1 }
 */
export function addPrior(prior: PriorImport, posting: { points: number; reason: string; idempotencyKey: string }): PriorImport {
  const generation = Number(KEY.exec(posting.idempotencyKey)?.[1] ?? 0);
  return {
    earned: prior.earned + (posting.reason === "earn:import" ? posting.points : 0),
    spent: prior.spent + (posting.reason === "import:spent" ? posting.points : 0),
    generation: Math.max(prior.generation, generation),
  };
}

/**
 * The postings that bring a customer's imported figures to what the file says: the difference between
 * the file and what earlier imports from the same source posted, as points earned (`earn:import`, so
 * lifetime earned keeps the old app's history) and points spent there (`import:spent`). Keyed by
 * (source, customer, next generation): the same file imported again posts nothing; a corrected file
 * posts only the difference; two imports racing on one customer meet on the ledger's unique key.
 * @example importPostings("smile", gid, { earned: 120, spent: 0 }, { earned: 100, spent: 0, generation: 1 })
 * // [{ customerGid: gid, points: 20, reason: "earn:import", idempotencyKey: `import:smile:${gid}:2:earned` }]
 */
export function importPostings(
  source: ImportSource,
  customerGid: string,
  target: { earned: number; spent: number },
  prior: PriorImport,
): ImportPosting[] {
  const key = (part: string) => `${importKeyPrefix(source)}${customerGid}:${prior.generation + 1}:${part}`;
  const earned = target.earned - prior.earned;
  const spent = -target.spent - prior.spent;
  const postings: ImportPosting[] = [];
  if (earned !== 0) postings.push({ customerGid, points: earned, reason: "earn:import", idempotencyKey: key("earned") });
  if (spent !== 0) postings.push({ customerGid, points: spent, reason: "import:spent", idempotencyKey: key("spent") });
  return postings;
}

/** The net points a set of import postings moves. */
export const netPoints = (postings: readonly { points: number }[]) => postings.reduce((sum, p) => sum + p.points, 0);
