import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onProductDelete, onProductUpsert } from "../customers/product-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, { "products/create": onProductUpsert, "products/update": onProductUpsert, "products/delete": onProductDelete });
