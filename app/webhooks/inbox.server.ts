import prisma, { dbKind } from "../db.server";
import { executeTogether } from "../db-client.server";
import { isRetryableConflict } from "../lib/prisma-errors";

import { inboxEvents } from "./inbox-events.server";
import { newRowId } from "../lib/row-id";

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

const COLUMNS = `"id", "shop", "topic", "webhookId", "eventId", "triggeredAt", "apiVersion", "receivedAt", "status", "runAt", "reason"`;
const text = { scalarType: "string", arity: "scalar" } as const;
const datetime = { scalarType: "datetime", arity: "scalar" } as const;
const ARG_TYPES = [text, text, text, text, text, datetime, text, datetime, text, datetime, text];
const BODY_ARG_TYPES = [text, text, text];

/** `count` rows of `width` placeholders each, in the app database's placeholders. */
function valuesSql(count: number, width: number): string {
  let n = 0;
  const placeholder = dbKind === "postgres" ? () => `$${++n}` : () => "?";
  const row = () => `(${Array.from({ length: width }, placeholder).join(", ")})`;
  return Array.from({ length: count }, row).join(", ");
}

/** The group commit's INSERT of `count` deliveries; a delivery stored before is left as it is. */
function insertSql(count: number): string {
  return `INSERT INTO "WebhookDelivery" (${COLUMNS}) VALUES ${valuesSql(count, ARG_TYPES.length)} ON CONFLICT ("shop", "webhookId") DO NOTHING`;
}

/**
 * Their bodies, for the deliveries the INSERT above stored: a duplicate's fresh id is not in the
 * table, so its body is not written (VALUES columns are column1… on both databases).
 */
function insertBodiesSql(count: number): string {
  return `INSERT INTO "WebhookDeliveryBody" ("deliveryId", "shop", "body") SELECT v.column1, v.column2, v.column3 FROM (VALUES ${valuesSql(count, BODY_ARG_TYPES.length)}) AS v WHERE EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."id" = v.column1)`;
}
const pending: { row: InboxDelivery; done: (error?: unknown) => void }[] = [];
/** A flush is queued or writing: deliveries arriving meanwhile wait for the next one. */
let busy = false;

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
    if (!busy) {
      busy = true;
      setImmediate(() => void flushAll());
    }
  });
}

/**
 * One write at a time, each taking everything that arrived while the last was writing (up to
 * MAX_BATCH): under load the batches grow with the arrival rate instead of the writes queueing one
 * small transaction per event-loop turn behind each other.
 */
async function flushAll(): Promise<void> {
  while (pending.length > 0) await flush(pending.splice(0, MAX_BATCH));
  busy = false;
}

async function flush(batch: { row: InboxDelivery; done: (error?: unknown) => void }[]): Promise<void> {
  try {
    const now = new Date();
    // Rows in key order: two concurrent flushes (app instances, or workers re-storing) then take their
    // unique-index locks in the same order and cannot deadlock on PostgreSQL.
    const rows = batch.map(({ row }) => row).sort((a, b) => (a.shop + a.webhookId < b.shop + b.webhookId ? -1 : 1));
    const args: unknown[] = [];
    const bodyArgs: unknown[] = [];
    for (const row of rows) {
      const status = row.parkedReason ? "parked" : "pending";
      const id = newRowId();
      bodyArgs.push(id, row.shop, row.body);
      args.push(
        id,
        row.shop,
        row.topic,
        row.webhookId,
        row.eventId,
        row.triggeredAt,
        row.apiVersion,
        now,
        status,
        now,
        row.parkedReason ?? null,
      );
    }
    const statements = [
      { sql: insertSql(rows.length), args, argTypes: rows.flatMap(() => ARG_TYPES) },
      { sql: insertBodiesSql(rows.length), args: bodyArgs, argTypes: rows.flatMap(() => BODY_ARG_TYPES) },
    ];
    // Straight to the driver adapter (db-client's executeTogether): Prisma's raw-query path cost several
    // times the write itself for bodies this size. One transaction: a delivery is never without its body.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await executeTogether(prisma, statements);
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
