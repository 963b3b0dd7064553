import { z } from "zod";
import { nudgeJob } from "../jobs/queue.server";
import { gid } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";
import { topicHandler } from "../webhooks/topic-handler";

/**
 * bulk_operations/finish: the backfill job waiting on this shop's bulk operation runs now instead of
 * at its next poll. The job reads the operation's result itself, so a lost or repeated delivery
 * changes nothing but the timing.
 */
export const bulkFinishTopic = topicHandler({
  parse: (payload, meta) =>
    parsePayload(z.object({ admin_graphql_api_id: gid("BulkOperation") }).passthrough(), payload, meta.topic).admin_graphql_api_id,
  apply: async (tx, shop) => void (await nudgeJob(tx, `backfill:${shop}`)),
});
