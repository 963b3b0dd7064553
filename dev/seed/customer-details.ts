import type { EmailMarketingState, SmsMarketingState } from "../standin/store";
import { unitOf, weighted } from "./data-hash";

/**
 * Marketing consent and phone numbers for a seeded customer, derived from the customer id: about 40%
 * subscribed to email, a third with a phone and some of those subscribed to SMS; PENDING and
 * UNSUBSCRIBED are rare.
 */
export interface CustomerContact {
  phone: string | null;
  emailMarketingState: EmailMarketingState;
  smsMarketingState: SmsMarketingState;
}

/**
 * Hands out Ofcom's drama-range mobile numbers (07700 900000–900999, never a real line) one by one, so
 * no two customers share a phone (Shopify refuses that); null once the thousand are used up.
 * @example const next = phoneNumbers(); next() // "+447700900000"
 */
export function phoneNumbers(): () => string | null {
  let used = 0;
  return () => (used < 1000 ? `+447700900${String(used++).padStart(3, "0")}` : null);
}

/** @example customerContact(17850, phoneNumbers()) // { phone: "+447700900000", emailMarketingState: "NOT_SUBSCRIBED", … } */
export function customerContact(customerId: number, nextPhone: () => string | null): CustomerContact {
  const emailMarketingState = weighted<EmailMarketingState>(`email|${customerId}`, [
    ["SUBSCRIBED", 40],
    ["NOT_SUBSCRIBED", 52],
    ["UNSUBSCRIBED", 5],
    ["PENDING", 3],
  ]);
  const phone = unitOf(`phone|${customerId}`) < 0.35 ? nextPhone() : null;
  if (!phone) return { phone: null, emailMarketingState, smsMarketingState: "NOT_SUBSCRIBED" };
  const smsMarketingState = weighted<SmsMarketingState>(`sms|${customerId}`, [
    ["SUBSCRIBED", 30],
    ["NOT_SUBSCRIBED", 62],
    ["UNSUBSCRIBED", 5],
    ["PENDING", 3],
  ]);
  return { phone, emailMarketingState, smsMarketingState };
}
