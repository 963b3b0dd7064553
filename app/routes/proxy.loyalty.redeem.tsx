import type { ActionFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { loyaltyRedeemHandler, remixProxy } from "../loyalty/proxy-handlers.server";

/** POST /apps/rapport/loyalty/redeem → debits the signed-in shopper and issues their single-use code. */
export const action = ({ request }: ActionFunctionArgs) => remixProxy(request, loyaltyRedeemHandler, requireAppProxy);
