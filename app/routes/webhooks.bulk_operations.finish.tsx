import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** Verified, stored in the inbox, answered 200 at once; app/webhooks/topics.server.ts says who applies it. */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ["bulk_operations/finish"]);
