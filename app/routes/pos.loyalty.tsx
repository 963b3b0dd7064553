import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { InvalidInputError } from "../lib/errors";
import { InsufficientPointsError } from "../loyalty/ledger.server";
import { getPosLoyalty, posCustomerGid, redeemAtPos } from "../loyalty/pos/pos-loyalty.server";
import { requirePosShop } from "../loyalty/pos/require-pos-shop.server";
import { RedemptionRefusedError } from "../loyalty/redeem.server";

/** GET /pos/loyalty?customerId=17850 — the POS extension's customer block and cart: balance, tier, rewards. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, cors } = await requirePosShop(request);
  try {
    const customerGid = posCustomerGid(new URL(request.url).searchParams.get("customerId"));
    return cors(Response.json(await getPosLoyalty(shop, customerGid)));
  } catch (error) {
    if (error instanceof InvalidInputError) return cors(Response.json({ error: error.message, field: error.field }, { status: 422 }));
    throw error;
  }
}

/** POST /pos/loyalty `{ customerId, rewardId, idempotencyKey }` — staff redeem a reward onto the POS cart. */
export async function action({ request }: ActionFunctionArgs) {
  const { shop, cors } = await requirePosShop(request);
  try {
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    const result = await redeemAtPos(shop, body);
    return cors(Response.json(result, { status: result.status === "failed" ? 502 : 200 }));
  } catch (error) {
    if (error instanceof InsufficientPointsError) return cors(Response.json({ error: "Not enough points" }, { status: 409 }));
    if (error instanceof InvalidInputError || error instanceof RedemptionRefusedError)
      return cors(Response.json({ error: error.message }, { status: 422 }));
    throw error;
  }
}
