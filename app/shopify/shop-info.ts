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
