import { hotReader } from "../db-hot-read.server";
import type { StoredCard } from "./recs-build-job.server";

/**
 * The bounded in-memory store the storefront is served from: precomputed lists by (shop, subject),
 * least recently used evicted beyond MAX_ENTRIES, all of a shop's entries dropped when its build version
 * changes (checked at most every VERSION_CHECK_MS, so a new build shows within seconds on every process).
 */
export const MAX_ENTRIES = 20_000;
const VERSION_CHECK_MS = 5_000;

const entries = new Map<string, { version: number; items: StoredCard[] }>();
const versions = new Map<string, { version: number; checkedAt: number; pending?: Promise<number> }>();

async function currentVersion(shop: string): Promise<number> {
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
 * The lists for these subjects (missing ones are empty), and the shop's build version (0: never built).
 * One read for whatever is not cached.
 * @example const { lists } = await getLists(shop, ["shop:trending"])
 */
export async function getLists(shop: string, subjects: readonly string[]): Promise<{ version: number; lists: Map<string, StoredCard[]> }> {
  const version = await currentVersion(shop);
  const lists = new Map<string, StoredCard[]>();
  const missing: string[] = [];
  for (const subject of new Set(subjects)) {
    const key = `${shop}|${subject}`;
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key); // re-insert: Map order is the LRU order
      entries.set(key, hit);
      lists.set(subject, hit.items);
    } else missing.push(subject);
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
      remember(`${shop}|${subject}`, { version, items });
      lists.set(subject, items);
    }
  }
  return { version, lists };
}

function remember(key: string, value: { version: number; items: StoredCard[] }): void {
  entries.set(key, value);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** For tests, and after a shop is redacted. */
export function clearListStore(): void {
  entries.clear();
  versions.clear();
}

/** How many lists are cached (tests check the bound). */
export const listStoreSize = () => entries.size;
