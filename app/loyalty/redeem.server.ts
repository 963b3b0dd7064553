import { randomUUID } from "node:crypto";
import prisma from "../db.server";
import { RapportError } from "../lib/errors";
import { isRetryableConflict, isUniqueViolation } from "../lib/prisma-errors";
import type { AdminGraphql } from "../shopify/graphql.server";
import { unauthenticated } from "../shopify.server";
import type {
  LoyaltyCodeDiscountNodeByCodeQuery,
  LoyaltyDiscountCodeBasicCreateMutation,
  LoyaltyDiscountCodeFreeShippingCreateMutation,
} from "../shopify/generated/admin.generated";
import { LOYALTY_DISCOUNT_BASIC_CREATE, LOYALTY_DISCOUNT_BY_CODE, LOYALTY_DISCOUNT_FREE_SHIPPING_CREATE } from "./discount-operations";
import { postEntries } from "./ledger.server";
import { queueRedeemedTrigger } from "./flow/loyalty-flow-events.server";
import { discountInput, redemptionCode, type Reward, type RewardKind } from "./rewards";
import { getLedgerRules } from "./rules.server";
import { rewardOffers } from "./tiers/reward-offers.server";

/** A redemption that cannot start: unknown reward, program off, a guest. Nothing was debited. */
export class RedemptionRefusedError extends RapportError {
  constructor(reason: string) {
    super("REDEMPTION_REFUSED", reason);
  }
}

/** How hard the Admin call is tried before the points come back. */
export interface IssueOptions {
  attempts: number;
  /** Per Admin call: longer and the answer is treated as lost (the write may still have happened). */
  timeoutMs: number;
  backoffMs: number;
  admin?: AdminGraphql;
}
/** A storefront burst queues for the pool's connections rather than failing after Prisma's default 2 s. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export const DEFAULT_ISSUE_OPTIONS: IssueOptions = { attempts: 4, timeoutMs: 8_000, backoffMs: 500 };

/** What the shopper gets back. */
export interface RedemptionResult {
  id: string;
  status: "issued" | "failed" | "pending";
  code: string | null;
  pointsCost: number;
}

/**
 * Redeems a reward for a signed-in customer: one idempotent operation (docs/decisions/007).
 * 1. In one transaction: the Redemption row (unique per idempotency key, its code derived from its id)
 *    and the `redeem` posting, a conditional debit that refuses to overdraw (InsufficientPointsError).
 * 2. After the commit: the single-use code is created through the Admin API, retried with the same code
 *    on THROTTLED, 5xx and timeouts; a TAKEN answer means an earlier attempt made it.
 * 3. If Shopify confirms the code does not exist after the last attempt, a `restore:redeem` posting
 *    gives the points back. A redemption still unsure stays pending for the maintenance job.
 * The same idempotency key returns the same redemption (and never debits twice).
 * @example await redeemReward({ shop, customerGid, rewardId, idempotencyKey: "9a1f…" })
 */
export async function redeemReward(
  command: { shop: string; customerGid: string | null; rewardId: string; idempotencyKey: string },
  options: IssueOptions = DEFAULT_ISSUE_OPTIONS,
): Promise<RedemptionResult> {
  const { shop, customerGid, rewardId } = command;
  if (!customerGid) throw new RedemptionRefusedError("Sign in to redeem rewards");
  const idempotencyKey = `${customerGid}:${command.idempotencyKey}`;
  const [reward, rules] = await Promise.all([
    prisma.loyaltyReward.findFirst({ where: { id: rewardId, shop, enabled: true } }),
    getLedgerRules(shop),
  ]);
  if (!reward) throw new RedemptionRefusedError("This reward is not available");
  if (!rules.enabled) throw new RedemptionRefusedError("The rewards program is paused");
  const offer = (await rewardOffers(shop, customerGid, [reward])).get(reward.id)!;
  if (offer.reservedFor) throw new RedemptionRefusedError(`This reward is for ${offer.reservedFor} members and above`);

  // The cost this customer pays (a tier's free-shipping perk makes it 0: the posting still records it).
  const created = await debitOnce(shop, customerGid, reward.id, offer.pointsCost, idempotencyKey);
  if (created.status !== "pending") return view(created);
  return issueRedemption(created.id, options);
}

async function debitOnce(shop: string, customerGid: string, rewardId: string, pointsCost: number, idempotencyKey: string) {
  for (let attempt = 1; ; attempt += 1) {
    const existing = await prisma.redemption.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
    if (existing) return existing;
    try {
      return await prisma.$transaction(async (tx) => {
        const id = randomUUID();
        const row = await tx.redemption.create({
          data: { id, shop, customerGid, rewardId, pointsCost, idempotencyKey, code: redemptionCode(id) },
        });
        await postEntries(tx, [
          { shop, customerGid, points: -pointsCost, reason: "redeem", idempotencyKey: `redeem:${id}`, sourceGid: id },
        ]);
        return row;
      }, TX_OPTIONS);
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue; // the same key, concurrently: read theirs
      if ((isRetryableConflict(error) || (error as { code?: string }).code === "P2028") && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
}

/**
 * Creates the code of a pending redemption, or gives its points back when Shopify confirms there is
 * none after the last attempt. Safe to run concurrently and again: the code is fixed, and the final
 * state is written once (`WHERE status = 'pending'`).
 */
export async function issueRedemption(redemptionId: string, options: IssueOptions = DEFAULT_ISSUE_OPTIONS): Promise<RedemptionResult> {
  const r = await prisma.redemption.findUniqueOrThrow({ where: { id: redemptionId } });
  if (r.status !== "pending") return view(r);
  const [reward, shopRow] = await Promise.all([
    prisma.loyaltyReward.findUniqueOrThrow({ where: { id: r.rewardId } }),
    prisma.shop.findUnique({ where: { shop: r.shop }, select: { currencyCode: true } }),
  ]);
  const admin = options.admin ?? (await unauthenticated.admin(r.shop)).admin;
  const { mutation, input } = discountInput(asReward(reward), r.code, r.customerGid, shopRow?.currencyCode ?? "USD", r.createdAt);
  let lastError = "";
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    await prisma.redemption.update({ where: { id: r.id }, data: { attempts: { increment: 1 } } });
    try {
      const created =
        mutation === "basic"
          ? (
              await call<LoyaltyDiscountCodeBasicCreateMutation>(
                admin,
                LOYALTY_DISCOUNT_BASIC_CREATE,
                { basicCodeDiscount: input },
                options,
              )
            ).discountCodeBasicCreate
          : (
              await call<LoyaltyDiscountCodeFreeShippingCreateMutation>(
                admin,
                LOYALTY_DISCOUNT_FREE_SHIPPING_CREATE,
                { freeShippingCodeDiscount: input },
                options,
              )
            ).discountCodeFreeShippingCreate;
      if (created?.codeDiscountNode) return settle(r.id, { issued: created.codeDiscountNode.id });
      const errors = created?.userErrors ?? [];
      if (errors.some((e) => e.code === "TAKEN")) {
        const found = await lookup(admin, r.code, options);
        if (found) return settle(r.id, { issued: found });
      }
      lastError = errors.map((e) => e.message).join("; ") || "no discount returned";
      break; // Shopify refused the input: retrying the same input cannot help
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (attempt < options.attempts) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * attempt));
    }
  }
  // Before giving points back, make sure no attempt created the code after all (a lost answer).
  let exists: string | null;
  try {
    exists = await lookup(admin, r.code, options);
  } catch {
    await prisma.redemption.update({ where: { id: r.id }, data: { error: lastError.slice(0, 500) } });
    return view(await prisma.redemption.findUniqueOrThrow({ where: { id: r.id } }));
  }
  if (exists) return settle(r.id, { issued: exists });
  return settle(r.id, { failed: lastError });
}

async function settle(id: string, outcome: { issued: string } | { failed: string }): Promise<RedemptionResult> {
  await prisma.$transaction(async (tx) => {
    if ("issued" in outcome) {
      const issued = await tx.redemption.updateMany({
        where: { id, status: "pending" },
        data: { status: "issued", discountGid: outcome.issued, error: null },
      });
      if (issued.count === 1) await queueRedeemedTrigger(tx, id);
      return;
    }
    const moved = await tx.redemption.updateMany({
      where: { id, status: "pending" },
      data: { status: "failed", error: outcome.failed.slice(0, 500) },
    });
    if (moved.count === 0) return;
    const r = await tx.redemption.findUniqueOrThrow({ where: { id } });
    await postEntries(tx, [
      {
        shop: r.shop,
        customerGid: r.customerGid,
        points: r.pointsCost,
        reason: "restore:redeem",
        idempotencyKey: `redeem:${id}:restore`,
        sourceGid: id,
      },
    ]);
  });
  return view(await prisma.redemption.findUniqueOrThrow({ where: { id } }));
}

/** Redemptions left pending by a crash or an unanswered lookup: finished by the maintenance job. */
export async function resumePendingRedemptions(shop: string, olderThanMs = 60_000, options = DEFAULT_ISSUE_OPTIONS): Promise<number> {
  const stuck = await prisma.redemption.findMany({
    where: { shop, status: "pending", updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 100,
  });
  for (const r of stuck) await issueRedemption(r.id, options);
  return stuck.length;
}

async function lookup(admin: AdminGraphql, code: string, options: IssueOptions): Promise<string | null> {
  const data = await call<LoyaltyCodeDiscountNodeByCodeQuery>(admin, LOYALTY_DISCOUNT_BY_CODE, { code }, options);
  return data.codeDiscountNodeByCode?.id ?? null;
}

/** One Admin call with a deadline; any error (THROTTLED, 5xx, transport, timeout) is thrown to the retry loop. */
async function call<T>(admin: AdminGraphql, document: string, variables: Record<string, unknown>, options: IssueOptions): Promise<T> {
  const response = await (admin.graphql as (q: string, o: object) => Promise<Response>)(document, {
    variables,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(`Admin API: ${JSON.stringify(body.errors).slice(0, 300)}`);
  if (!body.data) throw new Error("Admin API answered without data");
  return body.data;
}

function view(r: { id: string; status: string; code: string; pointsCost: number }): RedemptionResult {
  return {
    id: r.id,
    status: r.status as RedemptionResult["status"],
    code: r.status === "issued" ? r.code : null,
    pointsCost: r.pointsCost,
  };
}

function asReward(row: {
  id: string;
  title: string;
  kind: string;
  pointsCost: number;
  amountMinor: number | null;
  percentage: number | null;
  variantGid: string | null;
  minimumOrderMinor: number | null;
  expiresAfterDays: number | null;
  tierId: string | null;
}): Reward {
  return { ...row, kind: row.kind as RewardKind };
}
