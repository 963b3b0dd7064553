import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "../webhooks/handle-webhook.server";
import { onAppUninstalled } from "../customers/app-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) => handleWebhook(request, { "app/uninstalled": onAppUninstalled });
