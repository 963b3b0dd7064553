import type { FastProxyHandler } from "../storefront/fast-proxy";
import { InvalidInputError } from "../lib/errors";
import { expiryOf, getAccount } from "./accounts.server";
import { InsufficientPointsError } from "./ledger.server";
import { redeemReward, RedemptionRefusedError } from "./redeem.server";
import { rewardOffer } from "./tiers/reward-access";
import { getLedgerRulesCached } from "./rules.server";
import { getStorefrontProgram, readShopperPanel } from "./storefront/panel-reads.server";
import { setBirthday } from "./program/birthday.server";
import { nudgeLoyaltyMirror } from "./mirror/nudge-mirror.server";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /apps/rapport/loyalty: the signed-in shopper's account (one row), rewards, unused codes. No
 * parameter names a customer: the account is the one Shopify signed for. Guests get how to join.
 */
export const loyaltyAccountHandler: FastProxyHandler = async ({ shop, customerGid }) => {
  if (!customerGid) return { status: 200, headers: PRIVATE, body: { loggedIn: false, customerId: null, balance: null } };
  const account = await getAccount(shop, customerGid, getLedgerRulesCached);
  return {
    status: 200,
    headers: PRIVATE,
    body: {
      loggedIn: true,
      customerId: customerGid,
      balance: account.balance,
      pending: account.pending,
      expiresAt: account.expiresAt?.toISOString() ?? null,
    },
  };
};

/**
 * GET /apps/rapport/loyalty/panel: what the opened panel shows — the account, the earning rate in shop
 * currency, the rewards (which are affordable), the shopper's unused codes and recent activity. Guests
 * get the rate and the rewards to join for.
 */
export const loyaltyPanelHandler: FastProxyHandler = async ({ shop, customerGid }) => {
  const [program, shopper] = await Promise.all([getStorefrontProgram(shop), customerGid ? readShopperPanel(shop, customerGid) : null]);
  const tier = program.tiers.find((t) => t.id === shopper?.tierId) ?? null;
  // A tier-only reward out of the shopper's reach names its tier (the widget says "Gold members and above").
  const rewards = program.rewards.map((r) => {
    const { pointsCost, reservedFor } = rewardOffer(r, tier, program.tiers);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      pointsCost,
      affordable: !reservedFor && pointsCost <= (shopper?.account.balance ?? 0),
      ...(reservedFor ? { tier: reservedFor } : {}),
    };
  });
  const { earn } = program;
  if (!customerGid || !shopper) return { status: 200, headers: PRIVATE, body: { loggedIn: false, earn, rewards, codes: [], activity: [] } };
  const { account } = shopper;
  return {
    status: 200,
    headers: PRIVATE,
    body: {
      loggedIn: true,
      customerId: customerGid,
      balance: account.balance,
      pending: account.pending,
      lifetimeEarned: account.lifetimeEarned,
      birthdaySet: shopper.birthdaySet,
      expiresAt: expiryOf(account, program.expiryDays)?.toISOString() ?? null,
      earn,
      rewards,
      codes: shopper.codes.map((c) => ({ code: c.code, pointsCost: c.pointsCost, createdAt: c.createdAt.toISOString() })),
      activity: shopper.activity.map((a) => ({
        reason: a.reason,
        points: a.points,
        pending: a.bucket === "pending",
        at: a.createdAt.toISOString(),
      })),
    },
  };
};

/**
 * POST /apps/rapport/loyalty/redeem `{ rewardId, idempotencyKey }`: debits the signed-in shopper and
 * creates their single-use code. 401 for a guest, 409 when the balance is short, 422 for a bad body.
 */
export const loyaltyRedeemHandler: FastProxyHandler = async (req) => {
  if (req.method !== "POST") return { status: 405, headers: { Allow: "POST" }, body: { error: "POST only" } };
  if (!req.customerGid) return { status: 401, headers: PRIVATE, body: { error: "Sign in to redeem rewards" } };
  const body = (req.body ?? {}) as Record<string, unknown>;
  const rewardId = typeof body.rewardId === "string" ? body.rewardId : "";
  const key = typeof body.idempotencyKey === "string" ? body.idempotencyKey : "";
  if (!/^[\w-]{1,64}$/.test(rewardId) || !/^[\w-]{8,64}$/.test(key))
    return { status: 422, headers: PRIVATE, body: { error: "rewardId and idempotencyKey are required" } };
  try {
    const result = await redeemReward({ shop: req.shop, customerGid: req.customerGid, rewardId, idempotencyKey: key });
    const [account] = await Promise.all([getAccount(req.shop, req.customerGid), nudgeLoyaltyMirror(req.shop)]);
    return { status: result.status === "failed" ? 502 : 200, headers: PRIVATE, body: { ...result, balance: account.balance } };
  } catch (error) {
    if (error instanceof InsufficientPointsError) return { status: 409, headers: PRIVATE, body: { error: "Not enough points" } };
    if (error instanceof RedemptionRefusedError || error instanceof InvalidInputError)
      return { status: 422, headers: PRIVATE, body: { error: error.message } };
    throw error;
  }
};

/**
 * POST /apps/rapport/loyalty/birthday `{ month, day }`: the signed-in shopper's birthday (for the
 * birthday bonus). 401 for a guest, 422 naming the bad field.
 */
export const loyaltyBirthdayHandler: FastProxyHandler = async (req) => {
  if (req.method !== "POST") return { status: 405, headers: { Allow: "POST" }, body: { error: "POST only" } };
  if (!req.customerGid) return { status: 401, headers: PRIVATE, body: { error: "Sign in to add your birthday" } };
  const body = (req.body ?? {}) as Record<string, unknown>;
  try {
    await setBirthday(req.shop, req.customerGid, Number(body.month), Number(body.day));
    return { status: 200, headers: PRIVATE, body: { ok: true } };
  } catch (error) {
    if (error instanceof InvalidInputError) return { status: 422, headers: PRIVATE, body: { error: error.message, field: error.field } };
    throw error;
  }
};
