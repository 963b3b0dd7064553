import prisma from "../db.server";
import { InvalidInputError } from "../lib/errors";
import { getAccount } from "./accounts.server";
import { InsufficientPointsError } from "./ledger.server";
import { redeemReward, RedemptionRefusedError } from "./redeem.server";
import { listRewards } from "./rewards.server";

/** A storefront request through the app proxy, already verified: the customer comes from Shopify's signature only. */
export interface ProxyRequest {
  shop: string;
  customerGid: string | null;
  method: "GET" | "POST";
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export interface ProxyResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /apps/rapport/loyalty: the signed-in shopper's account (one row), rewards, unused codes. No
 * parameter names a customer: the account is the one Shopify signed for. Guests get how to join.
 */
export async function loyaltyAccountHandler(req: ProxyRequest): Promise<ProxyResponse> {
  const { shop, customerGid } = req;
  if (!customerGid) return { status: 200, headers: PRIVATE, body: { loggedIn: false, customerId: null, balance: null } };
  const [account, rewards, codes] = await Promise.all([
    getAccount(shop, customerGid),
    listRewards(shop, true),
    prisma.redemption.findMany({
      where: { shop, customerGid, status: "issued" },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { code: true, pointsCost: true, createdAt: true },
    }),
  ]);
  return {
    status: 200,
    headers: PRIVATE,
    body: {
      loggedIn: true,
      customerId: customerGid,
      balance: account.balance,
      pending: account.pending,
      lifetimeEarned: account.lifetimeEarned,
      expiresAt: account.expiresAt?.toISOString() ?? null,
      rewards: rewards.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        pointsCost: r.pointsCost,
        affordable: r.pointsCost <= account.balance,
      })),
      codes: codes.map((c) => ({ code: c.code, pointsCost: c.pointsCost, createdAt: c.createdAt.toISOString() })),
    },
  };
}

/**
 * POST /apps/rapport/loyalty/redeem `{ rewardId, idempotencyKey }`: debits the signed-in shopper and
 * creates their single-use code. 401 for a guest, 409 when the balance is short, 422 for a bad body.
 */
export async function loyaltyRedeemHandler(req: ProxyRequest): Promise<ProxyResponse> {
  if (req.method !== "POST") return { status: 405, headers: { Allow: "POST" }, body: { error: "POST only" } };
  if (!req.customerGid) return { status: 401, headers: PRIVATE, body: { error: "Sign in to redeem rewards" } };
  const body = (req.body ?? {}) as Record<string, unknown>;
  const rewardId = typeof body.rewardId === "string" ? body.rewardId : "";
  const key = typeof body.idempotencyKey === "string" ? body.idempotencyKey : "";
  if (!/^[\w-]{1,64}$/.test(rewardId) || !/^[\w-]{8,64}$/.test(key))
    return { status: 422, headers: PRIVATE, body: { error: "rewardId and idempotencyKey are required" } };
  try {
    const result = await redeemReward({ shop: req.shop, customerGid: req.customerGid, rewardId, idempotencyKey: key });
    const account = await getAccount(req.shop, req.customerGid);
    return { status: result.status === "failed" ? 502 : 200, headers: PRIVATE, body: { ...result, balance: account.balance } };
  } catch (error) {
    if (error instanceof InsufficientPointsError) return { status: 409, headers: PRIVATE, body: { error: "Not enough points" } };
    if (error instanceof RedemptionRefusedError || error instanceof InvalidInputError)
      return { status: 422, headers: PRIVATE, body: { error: error.message } };
    throw error;
  }
}

/** Runs a handler behind Remix: verifies the proxy signature, reads the body, answers JSON. */
export async function remixProxy(
  request: Request,
  handler: (req: ProxyRequest) => Promise<ProxyResponse>,
  verify: (request: Request) => Promise<{ shop: string; customerGid: string | null }>,
): Promise<Response> {
  const { shop, customerGid } = await verify(request);
  const url = new URL(request.url);
  let body: unknown = null;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    body = type.includes("json") ? await request.json().catch(() => null) : Object.fromEntries(new URLSearchParams(await request.text()));
  }
  const answer = await handler({
    shop,
    customerGid,
    method: request.method === "POST" ? "POST" : "GET",
    path: url.pathname.replace(/^\/proxy/, ""),
    query: url.searchParams,
    body,
  });
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
