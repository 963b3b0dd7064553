import type { JobHandler } from "../jobs/job";
import { expireInactiveAccounts } from "./accounts.server";
import { resumePendingRedemptions } from "./redeem.server";
import { releaseDuePoints } from "./release.server";
import { grantBirthdayBonuses } from "./program/bonuses.server";

/**
 * Scheduled per shop (hourly): releases pending points that are due, finishes redemptions left pending
 * (a crash, or Shopify unreachable), grants today's birthday bonuses, then expires inactive balances.
 */
export const runLoyaltyMaintenance: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const released = await releaseDuePoints(shop);
  const resumed = await resumePendingRedemptions(shop);
  const birthdays = await grantBirthdayBonuses(shop);
  const expired = await expireInactiveAccounts(shop);
  await ctx.progress({
    done: released + resumed + birthdays + expired,
    message: `released ${released} orders' points, finished ${resumed} redemptions, ${birthdays} birthday bonuses, expired ${expired} balances`,
  });
};
