import prisma from "../db.server";
import { InvalidInputError } from "../lib/errors";
import { toGid } from "../lib/gid";
import { adjustPoints, getAccount } from "./accounts.server";
import { InsufficientPointsError } from "./ledger.server";
import { createReward, listRewards, setRewardEnabled } from "./rewards.server";
import { getTierSetup } from "./tiers/tier-settings.server";

/** What the loyalty admin page shows: the catalogue, recent redemptions, and one customer's account when asked. */
export async function loyaltyAdminView(shop: string, customer: string | null) {
  const [rewards, redemptions, program, { tiers }] = await Promise.all([
    listRewards(shop),
    prisma.redemption.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take: 25 }),
    prisma.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true } }),
    getTierSetup(shop),
  ]);
  const customerGid = customer ? customerGidOf(customer) : null;
  const account = customerGid ? await getAccount(shop, customerGid) : null;
  const postings = customerGid
    ? await prisma.ledgerEntry.findMany({ where: { shop, customerGid }, orderBy: { createdAt: "desc" }, take: 50 })
    : [];
  return {
    launched: Boolean(program?.launchedAt),
    rewards,
    /** The VIP tiers a reward can be reserved for, lowest first. */
    tiers: tiers.map((t) => ({ id: t.id, name: t.name })),
    redemptions: redemptions.map((r) => ({
      id: r.id,
      customerGid: r.customerGid,
      code: r.code,
      status: r.status,
      pointsCost: r.pointsCost,
      createdAt: r.createdAt.toISOString(),
    })),
    account: account && {
      ...account,
      lastActivityAt: account.lastActivityAt?.toISOString() ?? null,
      expiresAt: account.expiresAt?.toISOString() ?? null,
    },
    postings: postings.map((p) => ({
      id: p.id,
      reason: p.reason,
      points: p.points,
      bucket: p.bucket,
      note: p.note,
      staff: p.staff,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}

/** A customer as the merchant types it: a GID or the numeric id from the Shopify admin URL. */
export function customerGidOf(value: string): string {
  const v = value.trim();
  if (/^\d{1,20}$/.test(v)) return toGid("Customer", v);
  if (/^gid:\/\/shopify\/Customer\/\d{1,20}$/.test(v)) return v;
  throw new InvalidInputError("customer", "Enter the customer's id (the number in their Shopify admin URL)");
}

/**
 * The admin page's form posts, by intent; each failure is an InvalidInputError naming the field.
 * @example await loyaltyAdminAction(shop, "staff@shop", { intent: "adjust", customer: "17850", points: "50", note: "Gift" })
 */
export async function loyaltyAdminAction(shop: string, staff: string, form: Record<string, string>) {
  switch (form.intent) {
    case "createReward":
      return { reward: await createReward(shop, form) };
    case "toggleReward":
      await setRewardEnabled(shop, String(form.rewardId), form.enabled === "true");
      return { toggled: true };
    case "adjust": {
      const customerGid = customerGidOf(form.customer ?? "");
      const raw = (form.points ?? "").trim();
      if (!/^-?\d{1,9}$/.test(raw)) throw new InvalidInputError("points", "Enter a whole number of points, like 50 or -20");
      try {
        const account = await adjustPoints({
          shop,
          customerGid,
          points: Number(raw),
          note: form.note ?? "",
          staff,
          idempotencyKey: form.formKey || undefined,
        });
        return { adjusted: { customerGid, balance: account.balance } };
      } catch (error) {
        if (error instanceof InsufficientPointsError)
          throw new InvalidInputError("points", "That removes more points than the customer can spend");
        throw error;
      }
    }
    default:
      throw new InvalidInputError("intent", "Unknown action");
  }
}
