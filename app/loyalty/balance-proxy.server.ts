import type { FastProxyHandler } from "../storefront/fast-proxy";
import { getPointsBalance } from "./balance.server";

/**
 * GET /apps/rapport/loyalty → the signed-in shopper's points balance (private: never cached publicly).
 * The customer comes only from the signed `logged_in_customer_id`; no other parameter names one.
 */
export const loyaltyBalanceProxy: FastProxyHandler = async ({ shop, customerGid }) => {
  if (!customerGid) return { status: 200, body: { loggedIn: false, customerId: null, balance: null } };
  return { status: 200, body: { loggedIn: true, customerId: customerGid, balance: await getPointsBalance({ shop, customerGid }) } };
};
