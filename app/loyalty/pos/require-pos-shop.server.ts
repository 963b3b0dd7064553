import { authenticate } from "../../shopify.server";
import { isKnownShop } from "../../shops/known-shops.server";

/**
 * Authenticates a POS UI extension request (`authenticate.public.pos`: the session token POS signs
 * with the app's secret, for the app's client id) and answers the shop it was signed for. A token for
 * a shop that has not installed Rapport is refused with 403: data is only ever read for that shop.
 * @example const { shop, cors } = await requirePosShop(request)
 */
export async function requirePosShop(request: Request) {
  const { sessionToken, cors } = await authenticate.public.pos(request);
  const shop = new URL(String(sessionToken.dest)).hostname;
  if (!(await isKnownShop(shop))) throw cors(Response.json({ error: "This shop has not installed Rapport" }, { status: 403 }));
  return { shop, cors };
}
