/** Creates one reward's single-use code (amount off, percentage off, free product). */
export const LOYALTY_DISCOUNT_BASIC_CREATE = `#graphql
  mutation LoyaltyDiscountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** Creates one free-shipping reward's single-use code. */
export const LOYALTY_DISCOUNT_FREE_SHIPPING_CREATE = `#graphql
  mutation LoyaltyDiscountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
      codeDiscountNode {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** Whether a code exists (a create that timed out may have happened). */
export const LOYALTY_DISCOUNT_BY_CODE = `#graphql
  query LoyaltyCodeDiscountNodeByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
    }
  }
`;
