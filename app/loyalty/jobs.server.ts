import type { JobHandler } from "../jobs/job";
import { expireInactiveAccounts } from "./accounts.server";
import { resumePendingRedemptions } from "./redeem.server";
import { releaseDuePoints } from "./release.server";

/**
 * Scheduled per shop: releases pending points that are due, finishes redemptions left pending (a
 * crash, or Shopify unreachable), then expires inactive balances.
 */
export const runLoyaltyMaintenance: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const released = await releaseDuePoints(shop);
  const resumed = await resumePendingRedemptions(shop);
  const expired = await expireInactiveAccounts(shop);
  await ctx.progress({
    done: released + resumed + expired,
    message: `released ${released} orders' points, finished ${resumed} redemptions, expired ${expired} balances`,
  });
};
