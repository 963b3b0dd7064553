import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onRefundCreate } from "../customers/refund-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) => handleWebhook(request, { "refunds/create": onRefundCreate });
