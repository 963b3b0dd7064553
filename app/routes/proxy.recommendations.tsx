import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { recommendationsProxy, type ProxyRequest } from "../recommendations/serve.server";

/** Remix adapter of the recommendations proxy handler (the production server calls it directly). */
async function adapt(request: Request): Promise<Response> {
  const { shop, customerGid } = await requireAppProxy(request);
  const url = new URL(request.url);
  const req: ProxyRequest = {
    shop,
    customerGid,
    method: request.method === "POST" ? "POST" : "GET",
    path: "/recommendations",
    query: url.searchParams,
    body: request.method === "POST" ? await request.json().catch(() => null) : null,
  };
  const result = await recommendationsProxy(req);
  return result.body === null
    ? new Response(null, { status: result.status, headers: result.headers })
    : Response.json(result.body, { status: result.status, headers: result.headers });
}

export const loader = ({ request }: LoaderFunctionArgs) => adapt(request);
export const action = ({ request }: ActionFunctionArgs) => adapt(request);
