/** The shop's identity and currency, read once on install. */
export const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
    }
  }
`;

export interface ShopInfoResult {
  shop: { name: string; myshopifyDomain: string; currencyCode: string; ianaTimezone: string };
}
