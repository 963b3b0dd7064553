import type { ActionFunctionArgs } from "@remix-run/node";
import { InvalidInputError } from "../lib/errors";
import { recordTriggerUse, triggerUseReport } from "../loyalty/flow/trigger-use.server";
import { authenticate } from "../shopify.server";

/**
 * POST /flow/lifecycle — Shopify Flow's trigger lifecycle callback (extensions/rapport-flow-lifecycle):
 * a merchant enabled or disabled a workflow that starts with one of Rapport's triggers. Verified by
 * `authenticate.flow` (HMAC with the app secret, and an installed shop); answered at once, since Flow
 * will not enable the workflow without a prompt 2xx.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { payload } = await authenticate.flow(request);
  try {
    const report = triggerUseReport(payload);
    const applied = await recordTriggerUse(report);
    return Response.json({ handle: report.handle, enabled: report.enabled, applied });
  } catch (error) {
    if (error instanceof InvalidInputError) return Response.json({ error: error.message, field: error.field }, { status: 422 });
    throw error;
  }
}
