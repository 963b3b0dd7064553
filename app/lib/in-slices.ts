/**
 * Keys a statement may carry at once. Prisma binds one parameter per key of an `in` list, and SQLite
 * refuses a statement with more than 999 (SQLITE_MAX_VARIABLE_NUMBER in the builds libsql ships):
 * 500 leaves room for the statement's other parameters.
 */
export const KEYS_PER_STATEMENT = 500;

/**
 * Runs a lookup over any number of keys, `KEYS_PER_STATEMENT` at a time, and joins the rows: a lookup
 * whose key count grows with a batch (orders of a worker batch, postings of a backfill page) would
 * otherwise fail on SQLite past ≈ 999 keys. Slices run one after another (a transaction client runs
 * one statement at a time anyway). Duplicate keys are read once; no keys, no statement (`IN ()` is
 * not SQL on PostgreSQL).
 * Why by hand: Prisma does not split an `in` list itself (its query compiler binds it whole).
 * @example const rows = await inSlices(gids, (slice) => tx.order.findMany({ where: { shop, orderGid: { in: slice } } }))
 */
export async function inSlices<K, R>(keys: Iterable<K>, read: (slice: K[]) => Promise<R[]>, size = KEYS_PER_STATEMENT): Promise<R[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  if (unique.length <= size) return read(unique);
  const rows: R[] = [];
  for (let at = 0; at < unique.length; at += size) rows.push(...(await read(unique.slice(at, at + size))));
  return rows;
}

/**
 * `inSlices` for writes (`updateMany`, `deleteMany`): runs one per slice and adds up their counts.
 * @example await countInSlices(ids, (slice) => tx.orderLine.deleteMany({ where: { orderId: { in: slice } } }))
 */
export async function countInSlices<K>(
  keys: Iterable<K>,
  write: (slice: K[]) => Promise<{ count: number }>,
  size = KEYS_PER_STATEMENT,
): Promise<number> {
  let count = 0;
  await inSlices(keys, async (slice) => [(count += (await write(slice)).count)], size);
  return count;
}
