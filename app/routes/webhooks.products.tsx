import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";
import { WEBHOOK_ROUTES } from "../webhooks/webhook-routes";

/** Verified, stored in the inbox, answered 200 at once; app/webhooks/topics.server.ts says who applies it. */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, WEBHOOK_ROUTES["/webhooks/products"]);
