import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onBulkOperationFinish } from "../customers/app-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) => handleWebhook(request, { "bulk_operations/finish": onBulkOperationFinish });
