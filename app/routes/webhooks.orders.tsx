import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onOrderWebhook } from "../customers/on-order-webhook.server";

/** orders/create, orders/updated, orders/paid, orders/cancelled → history, then points. */
export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    "orders/create": onOrderWebhook,
    "orders/updated": onOrderWebhook,
    "orders/paid": onOrderWebhook,
    "orders/cancelled": onOrderWebhook,
  });
