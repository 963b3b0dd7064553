import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onCustomerDataRequest, onCustomerRedact, onShopRedact } from "../customers/compliance-webhooks.server";

/** The three mandatory compliance topics (GDPR). */
export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    "customers/data_request": onCustomerDataRequest,
    "customers/redact": onCustomerRedact,
    "shop/redact": onShopRedact,
  });
