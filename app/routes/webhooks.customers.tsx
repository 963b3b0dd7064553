import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onCustomerDelete, onCustomerUpsert } from "../customers/customer-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, {
    "customers/create": onCustomerUpsert,
    "customers/update": onCustomerUpsert,
    "customers/delete": onCustomerDelete,
  });
