import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { getPointsBalance } from "../loyalty/balance.server";

/** GET /apps/rapport/loyalty → the signed-in shopper's points balance (private: never cached publicly). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, customerGid } = await requireAppProxy(request);
  const headers = { "Cache-Control": "private, no-store" };
  if (!customerGid) return Response.json({ loggedIn: false, customerId: null, balance: null }, { headers });
  return Response.json({ loggedIn: true, customerId: customerGid, balance: await getPointsBalance({ shop, customerGid }) }, { headers });
};
