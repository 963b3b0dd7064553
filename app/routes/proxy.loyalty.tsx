import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { loyaltyAccountHandler, remixProxy } from "../loyalty/proxy-handlers.server";

/** GET /apps/rapport/loyalty → the signed-in shopper's account (private: never cached publicly). */
export const loader = ({ request }: LoaderFunctionArgs) => remixProxy(request, loyaltyAccountHandler, requireAppProxy);
