import type { Tx } from "../db.server";
import { inSlices } from "../lib/in-slices";
import { enqueueJob } from "../jobs/queue.server";

export interface DesiredMetafield {
  ownerGid: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** The job that pushes a shop's pending metafields; one live per shop (its key). */
export const metafieldSyncKey = (shop: string) => `metafields-sync:${shop}`;

/**
 * Records what Shopify should hold in app-owned metafields, inside the caller's transaction (the same one
 * that changed the balance, the tier, the segment or the list), and queues the sync job. A value already
 * synced unchanged is left alone; a changed one becomes pending again with a new version.
 * @returns how many values became pending
 * @example await setMetafields(tx, shop, [{ ownerGid, namespace: "$app:loyalty", key: "balance", type: "number_integer", value: "120" }])
 */
export async function setMetafields(tx: Tx, shop: string, values: DesiredMetafield[]): Promise<number> {
  const wanted = new Map(values.map((v) => [`${v.ownerGid}|${v.namespace}|${v.key}`, v]));
  if (wanted.size === 0) return 0;
  const owners = [...new Set(values.map((v) => v.ownerGid))];
  const namespaces = [...new Set(values.map((v) => v.namespace))];
  const existing = await inSlices(owners, (slice) =>
    tx.metafieldValue.findMany({
      where: { shop, ownerGid: { in: slice }, namespace: { in: namespaces } },
      select: { id: true, ownerGid: true, namespace: true, key: true, type: true, value: true, status: true },
    }),
  );
  const stored = new Map(existing.map((e) => [`${e.ownerGid}|${e.namespace}|${e.key}`, e]));
  const created = [];
  let changed = 0;
  for (const [id, v] of wanted) {
    const row = stored.get(id);
    if (!row) created.push({ shop, ...v });
    else if (row.value !== v.value || row.type !== v.type || row.status === "failed") {
      await tx.metafieldValue.update({
        where: { id: row.id },
        data: { type: v.type, value: v.value, status: "pending", reason: null, version: { increment: 1 } },
      });
      changed += 1;
    }
  }
  if (created.length) await tx.metafieldValue.createMany({ data: created });
  if (created.length + changed > 0) await enqueueJob(tx, { kind: "metafields-sync", shop, key: metafieldSyncKey(shop) });
  return created.length + changed;
}
