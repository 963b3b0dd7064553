import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { ShopifyApiError } from "../lib/errors";
import { BULK_OPERATION_STATUS } from "../shopify/bulk-operation-status";
import { BULK_RUN_QUERY } from "../shopify/bulk-queries";
import type { BulkOperationStatusQuery, BulkRunQueryMutation } from "../shopify/generated/admin.generated";
import { requireNoUserErrors, runOperation, type AdminGraphql } from "../shopify/graphql.server";

/**
 * Starts a bulk query (the inner document, without its graphql tag comment) and returns its GID.
 * @throws ShopifyUserError when Shopify refuses it (e.g. one is already running for this app)
 */
export async function startBulkQuery(admin: AdminGraphql, document: string): Promise<string> {
  const query = document.replace("#graphql", "").trim();
  const data = await runOperation<BulkRunQueryMutation>(admin, "BulkRunQuery", BULK_RUN_QUERY, { query });
  requireNoUserErrors("BulkRunQuery", data.bulkOperationRunQuery?.userErrors);
  return data.bulkOperationRunQuery!.bulkOperation!.id;
}

/** Where a bulk operation stands; null when Shopify no longer knows it. */
export async function getBulkOperation(admin: AdminGraphql, operationGid: string) {
  const { node } = await runOperation<BulkOperationStatusQuery>(admin, "BulkOperationStatus", BULK_OPERATION_STATUS, { id: operationGid });
  return node ?? null;
}

/**
 * The lines of a finished bulk operation's JSONL, streamed (a big store's file is gigabytes), from
 * line `skip` on — earlier lines are read and dropped without being parsed.
 * @throws ShopifyApiError when the file cannot be downloaded (its URL expires after a week)
 */
export async function* bulkResultLines(url: string | null, skip = 0): AsyncGenerator<string> {
  if (!url) return; // an empty result has no file
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new ShopifyApiError("BulkOperationResult", `download failed with ${response.status}`);
  let index = 0;
  for await (const line of createInterface({ input: Readable.fromWeb(response.body as WebReadableStream), crlfDelay: Infinity })) {
    if (index++ >= skip) yield line;
  }
}
