import type { ActionFunctionArgs } from "@remix-run/node";
import { recordPixelBatch } from "../storefront-events/record-pixel-batch.server";

// The Web Pixel runs in Shopify's sandbox on the shop's domain and posts here cross-origin.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

/** Preflight. */
export const loader = () => new Response(null, { status: 204, headers: CORS });

/** Batched storefront events from extensions/rapport-pixel. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
  const text = await request.text();
  if (text.length > 64_000) return Response.json({ error: "batch too large" }, { status: 413, headers: CORS });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return Response.json({ error: "not JSON" }, { status: 400, headers: CORS });
  }
  const result = await recordPixelBatch(input);
  return Response.json(result.body, { status: result.status, headers: CORS });
};
