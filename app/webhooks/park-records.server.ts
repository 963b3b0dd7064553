import type { Tx } from "../db.server";
import { InvalidPayloadError } from "../lib/errors";
import { inSlices } from "../lib/in-slices";
import { newRowId } from "../lib/row-id";

/** A record from a bulk file or an Admin API page that could not become a command. */
export interface UnreadableRecord {
  /** Unique per record and version, e.g. `backfill:<run>:<line>`: parking it twice keeps one. */
  webhookId: string;
  body: string;
  reason: string;
}

/**
 * Splits GraphQL nodes into commands and records that cannot be read (an InvalidPayloadError); other
 * errors propagate. One bad record never stops the rest.
 */
export function readNodes<T>(nodes: unknown[], parse: (node: unknown) => T, idOf: (node: unknown, index: number) => string) {
  const commands: T[] = [];
  const unreadable: UnreadableRecord[] = [];
  nodes.forEach((node, index) => {
    try {
      commands.push(parse(node));
    } catch (error) {
      if (!(error instanceof InvalidPayloadError)) throw error;
      unreadable.push({ webhookId: idOf(node, index), body: JSON.stringify(node), reason: error.reason });
    }
  });
  return { commands, unreadable };
}

/**
 * Parks unreadable records in the inbox with their reason, under a `bulk/<kind>` topic whose handler
 * applies them when the merchant retries (after a fix) — the same place and the same retry as webhooks.
 */
export async function parkRecords(
  tx: Tx,
  shop: string,
  topic: "bulk/products" | "bulk/customers" | "bulk/orders",
  records: UnreadableRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const known = await inSlices(
    records.map((r) => r.webhookId),
    (webhookIds) => tx.webhookDelivery.findMany({ where: { shop, webhookId: { in: webhookIds } }, select: { webhookId: true } }),
  );
  const seen = new Set(known.map((k) => k.webhookId));
  const fresh = records.filter((r) => !seen.has(r.webhookId) && (seen.add(r.webhookId), true));
  if (fresh.length === 0) return;
  const rows = fresh.map((r) => ({ id: newRowId(), ...r }));
  await tx.webhookDelivery.createMany({
    data: rows.map(({ id, webhookId, reason }) => ({ id, shop, topic, status: "parked", webhookId, reason })),
  });
  await tx.webhookDeliveryBody.createMany({ data: rows.map(({ id, body }) => ({ deliveryId: id, shop, body })) });
}
