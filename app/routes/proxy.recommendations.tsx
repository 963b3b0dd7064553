import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { recommend } from "../recommendations/recommend.server";
import { isSurface } from "../recommendations/surfaces";

/** GET /apps/rapport/recommendations?surface=home|product|cart&product_id=&limit= */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, customerId } = await requireAppProxy(request);
  const query = new URL(request.url).searchParams;
  const surface = query.get("surface") ?? "home";
  if (!isSurface(surface)) return Response.json({ error: "surface must be home, product or cart" }, { status: 400 });
  const limit = Math.min(Math.max(Number(query.get("limit")) || 8, 1), 24);
  const product = query.get("product_id");
  const productId = product ? (product.startsWith("gid://") ? product : `gid://shopify/Product/${product}`) : null;
  const result = await recommend({ shop, customerId, productId, limit }, surface);
  return Response.json(result, { headers: { "Cache-Control": customerId ? "private, max-age=60" : "public, max-age=300" } });
};
