import type { StandinAddress, StandinShop } from "../store";
import { gid } from "../store";
import type { ExecutionOptions } from "./connection";

/**
 * What every view needs: the shop it reads, the stand-in's base URL (for image and file URLs) and
 * whether it runs inside a bulk operation (connections then return every node).
 */
export interface ViewContext {
  shop: StandinShop;
  standinUrl: string;
  options: ExecutionOptions;
}

/** A MoneyBag: the stand-in sells in one currency, so shop and presentment money are the same. */
export const money = (amount: string, currencyCode: string) => ({
  shopMoney: { amount, currencyCode },
  presentmentMoney: { amount, currencyCode },
});

/** A MailingAddress with the fields the store knows; `id` is derived from its owner. */
export function addressView(ownerId: string, address: StandinAddress | null) {
  if (!address) return null;
  return {
    __typename: "MailingAddress",
    id: gid("MailingAddress", ownerId),
    country: address.country,
    countryCodeV2: address.countryCode,
    city: address.city ?? null,
  };
}
