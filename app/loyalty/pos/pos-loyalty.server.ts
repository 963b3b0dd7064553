import { InvalidInputError } from "../../lib/errors";
import { isGid, toGid } from "../../lib/gid";
import { getAccount } from "../accounts.server";
import { redeemReward, type RedemptionResult } from "../redeem.server";
import { listRewards } from "../rewards.server";
import { rewardOffers } from "../tiers/reward-offers.server";
import { getCustomerTierStatus } from "../tiers/tier-status.server";
import { nudgeLoyaltyMirror } from "../mirror/nudge-mirror.server";

/** What the POS extension shows for the customer at the counter. */
export interface PosLoyaltyView {
  customerGid: string;
  balance: number;
  pending: number;
  tier: string | null;
  /** `tier`: the tier a tier-only reward is reserved for when this customer is not in it (else null). */
  rewards: { id: string; title: string; pointsCost: number; affordable: boolean; tier: string | null }[];
}

/**
 * The customer the POS screen shows: a numeric id (what POS APIs give) or a Customer GID.
 * @example posCustomerGid("17850") // "gid://shopify/Customer/17850"
 */
export function posCustomerGid(value: unknown): string {
  const raw = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (/^\d{1,20}$/.test(raw)) return toGid("Customer", raw);
  if (isGid(raw, "Customer")) return raw;
  throw new InvalidInputError("customerId", "A customer id is required");
}

/**
 * Balance, tier and the rewards the customer can afford, for the POS customer-details block and cart.
 * @example (await getPosLoyalty(shop, "gid://shopify/Customer/17850")).balance // 320
 */
export async function getPosLoyalty(shop: string, customerGid: string): Promise<PosLoyaltyView> {
  const [account, rewards, status] = await Promise.all([
    getAccount(shop, customerGid),
    listRewards(shop, true),
    getCustomerTierStatus(shop, customerGid),
  ]);
  const offers = await rewardOffers(shop, customerGid, rewards);
  return {
    customerGid,
    balance: account.balance,
    pending: account.pending,
    tier: status.tier?.name ?? null,
    rewards: rewards.map((r) => {
      const { pointsCost, reservedFor } = offers.get(r.id)!;
      return { id: r.id, title: r.title, pointsCost, affordable: !reservedFor && pointsCost <= account.balance, tier: reservedFor };
    }),
  };
}

/**
 * Staff redeem a reward for the customer at the counter: the same idempotent redemption as the
 * storefront's (debit and single-use code, points back if the code cannot be made); the extension adds
 * the code to the POS cart.
 * @example await redeemAtPos(shop, { customerId: "17850", rewardId, idempotencyKey })
 */
export async function redeemAtPos(shop: string, body: Record<string, unknown>): Promise<RedemptionResult> {
  const customerGid = posCustomerGid(body.customerId);
  const rewardId = typeof body.rewardId === "string" ? body.rewardId : "";
  const key = typeof body.idempotencyKey === "string" ? body.idempotencyKey : "";
  if (!/^[\w-]{1,64}$/.test(rewardId)) throw new InvalidInputError("rewardId", "Choose a reward");
  if (!/^[\w-]{8,64}$/.test(key)) throw new InvalidInputError("idempotencyKey", "An idempotency key is required");
  const result = await redeemReward({ shop, customerGid, rewardId, idempotencyKey: `pos:${key}` });
  await nudgeLoyaltyMirror(shop);
  return result;
}
