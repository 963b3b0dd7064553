import { LRUCache } from "lru-cache";
import { hotReader } from "../db-hot-read.server";
import type { StoredCard } from "./recs-build-job.server";

/**
 * The bounded in-memory store the storefront is served from: precomputed lists by (shop, subject),
 * least recently used evicted beyond MAX_ENTRIES, all of a shop's entries dropped when its build version
 * changes (checked at most every VERSION_CHECK_MS, so a new build shows within seconds on every process);
 * beside them, the answers composed from those lists, under the same version rule.
 */
export const MAX_ENTRIES = 20_000;
/** Answers remembered (see rememberedAnswer): a product page's or a guest's answer is the same for every shopper until the next build. */
export const MAX_ANSWERS = 10_000;
const VERSION_CHECK_MS = 5_000;

const entries = new LRUCache<string, { version: number; items: StoredCard[] }>({ max: MAX_ENTRIES });
const answers = new LRUCache<string, { version: number; tag: object; answer: unknown }>({ max: MAX_ANSWERS });
const versions = new Map<string, { version: number; checkedAt: number; pending?: Promise<number> }>();

/**
 * The shop's build version as the store sees it (0: never built), checked at most every VERSION_CHECK_MS.
 * @example if ((await listVersion(shop)) === 0) queueRecsBuild(prisma, shop)
 */
export async function listVersion(shop: string): Promise<number> {
  const known = versions.get(shop);
  const now = Date.now();
  if (known && now - known.checkedAt < VERSION_CHECK_MS) return known.version;
  if (known?.pending) return known.pending;
  const pending = hotReader()
    .one<{ version: number | string }>(`SELECT "version" FROM "RecommendationBuild" WHERE "shop" = ?`, [shop])
    .then((row) => {
      const version = Number(row?.version ?? 0);
      versions.set(shop, { version, checkedAt: Date.now() });
      return version;
    });
  versions.set(shop, { version: known?.version ?? -1, checkedAt: known?.checkedAt ?? 0, pending });
  return pending;
}

/**
 * The shop's build version when it was checked within VERSION_CHECK_MS, else undefined (ask listVersion):
 * what a remembered answer is checked against without waiting on a promise.
 * @example const version = listVersionNow(shop) ?? (await listVersion(shop))
 */
export function listVersionNow(shop: string): number | undefined {
  const known = versions.get(shop);
  return known && known.version >= 0 && Date.now() - known.checkedAt < VERSION_CHECK_MS ? known.version : undefined;
}

/**
 * The lists for these subjects (missing ones are empty), and the shop's build version (0: never built).
 * One read for whatever is not cached.
 * @example const { lists } = await getLists(shop, ["shop:trending"])
 */
export async function getLists(shop: string, subjects: readonly string[]): Promise<{ version: number; lists: Map<string, StoredCard[]> }> {
  const version = await listVersion(shop);
  const lists = new Map<string, StoredCard[]>();
  const missing: string[] = [];
  for (const subject of new Set(subjects)) {
    const key = `${shop}|${subject}`;
    const hit = entries.get(key);
    if (hit && hit.version === version) lists.set(subject, hit.items);
    else missing.push(subject);
  }
  if (missing.length && version > 0) {
    // Through the hot reader (the storefront's path, app/db-hot-read.server.ts): one statement per count.
    const rows = await hotReader().all<{ subject: string; items: string }>(
      `SELECT "subject", "items" FROM "RecommendationList" WHERE "shop" = ? AND "subject" IN (${missing.map(() => "?").join(", ")})`,
      [shop, ...missing],
    );
    const found = new Map(rows.map((r) => [r.subject, JSON.parse(r.items) as StoredCard[]]));
    for (const subject of missing) {
      const items = found.get(subject) ?? [];
      entries.set(`${shop}|${subject}`, { version, items });
      lists.set(subject, items);
    }
  }
  return { version, lists };
}

/**
 * An answer made from this shop's lists at `version` under the same `tag` (the settings object it was
 * composed with), or undefined. Answers made from precomputed lists change only when the lists do (a new
 * build) or the settings do: composing them again on every request repeated the same work.
 * @example const hit = rememberedAnswer<ProxyResponse>(shop, key, version, settings)
 */
export function rememberedAnswer<T>(shop: string, key: string, version: number, tag: object): T | undefined {
  const hit = answers.get(`${shop}|${key}`);
  return hit && hit.version === version && hit.tag === tag ? (hit.answer as T) : undefined;
}

/** Remembers an answer made from the lists at `version` under `tag` (least recently used out beyond MAX_ANSWERS). */
export function rememberAnswer(shop: string, key: string, version: number, tag: object, answer: unknown): void {
  answers.set(`${shop}|${key}`, { version, tag, answer });
}

/** For tests, and after a shop is redacted. */
export function clearListStore(): void {
  entries.clear();
  answers.clear();
  versions.clear();
}

/** How many lists are cached (tests check the bound). */
export const listStoreSize = () => entries.size;
/** How many answers are remembered (tests check the bound). */
export const answerStoreSize = () => answers.size;
