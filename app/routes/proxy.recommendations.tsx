import type { LoaderFunctionArgs } from "@remix-run/node";
import { isGid, toGid } from "../lib/gid";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { recommend } from "../recommendations/recommend.server";
import { isSurface } from "../recommendations/surfaces";

/** GET /apps/rapport/recommendations?surface=home|product|cart&product_id=&limit= */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, customerGid } = await requireAppProxy(request);
  const query = new URL(request.url).searchParams;
  const surface = query.get("surface") ?? "home";
  if (!isSurface(surface)) return Response.json({ error: "surface must be home, product or cart" }, { status: 400 });
  const limit = Math.min(Math.max(Number(query.get("limit")) || 8, 1), 24);
  const product = query.get("product_id");
  const productGid = product ? (isGid(product, "Product") ? product : /^\d{1,20}$/.test(product) ? toGid("Product", product) : null) : null;
  const result = await recommend({ shop, customerGid, productGid, limit }, surface);
  return Response.json(result, { headers: { "Cache-Control": customerGid ? "private, max-age=60" : "public, max-age=300" } });
};
