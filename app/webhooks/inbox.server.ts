import { randomUUID } from "node:crypto";
import prisma, { SQL } from "../db.server";
import { isRetryableConflict } from "../lib/prisma-errors";

import { inboxEvents } from "./inbox-events.server";

/** A verified delivery as the inbox stores it (docs/decisions/005). */
export interface InboxDelivery {
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: Date | null;
  apiVersion: string | null;
  /** The raw body as signed. */
  body: string;
  /** Set to park at once (a body that is not JSON, a topic this address does not serve). */
  parkedReason?: string;
}

const MAX_BATCH = 256;
let pending: { row: InboxDelivery; done: (error?: unknown) => void }[] = [];
let scheduled = false;

/**
 * Stores a delivery in the inbox, once per `(shop, webhookId)`: a retry of a delivery already stored
 * changes nothing. Resolves when the row is committed — only then may the route answer 200.
 * Why by hand: deliveries arriving together are written in one INSERT … ON CONFLICT DO NOTHING (a
 * group commit), so a burst costs one transaction instead of one each; Prisma's createMany cannot skip
 * duplicates on SQLite.
 * @example await storeDelivery({ shop, topic: "orders/paid", webhookId, eventId, triggeredAt, apiVersion, body })
 */
export function storeDelivery(row: InboxDelivery): Promise<void> {
  return new Promise((resolve, reject) => {
    pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
    if (pending.length >= MAX_BATCH) void flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return;
  const now = new Date();
  // Rows in key order: two concurrent flushes (app instances, or workers re-storing) then take their
  // unique-index locks in the same order and cannot deadlock on PostgreSQL.
  const rows = batch.map(({ row }) => row).sort((a, b) => (a.shop + a.webhookId < b.shop + b.webhookId ? -1 : 1));
  const values = rows.map((row) => {
    const status = row.parkedReason ? "parked" : "pending";
    return SQL.sql`(${randomUUID()}, ${row.shop}, ${row.topic}, ${row.webhookId}, ${row.eventId}, ${row.triggeredAt}, ${row.apiVersion}, ${row.body}, ${now}, ${status}, ${now}, ${row.parkedReason ?? null})`;
  });
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await prisma.$executeRaw`
          INSERT INTO "WebhookDelivery" ("id", "shop", "topic", "webhookId", "eventId", "triggeredAt", "apiVersion", "body", "receivedAt", "status", "runAt", "reason")
          VALUES ${SQL.join(values)}
          ON CONFLICT ("shop", "webhookId") DO NOTHING`;
        break;
      } catch (error) {
        // A lost race (deadlock, busy) is retried: the statement is idempotent.
        if (attempt >= 3 || !isRetryableConflict(error)) throw error;
      }
    }
    for (const item of batch) item.done();
    inboxEvents.emit("stored");
  } catch (error) {
    for (const item of batch) item.done(error);
  }
}
