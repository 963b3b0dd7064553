import type { JobHandler } from "../jobs/job";
import { expireInactiveAccounts } from "./accounts.server";
import { releaseDuePoints } from "./release.server";

/** Scheduled per shop: releases pending points that are due, then expires inactive balances. */
export const runLoyaltyMaintenance: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const released = await releaseDuePoints(shop);
  const expired = await expireInactiveAccounts(shop);
  await ctx.progress({ done: released + expired, message: `released ${released} orders' points, expired ${expired} balances` });
};
