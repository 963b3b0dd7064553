/**
 * Reconciliation asks Shopify what changed since the last run (`query: "updated_at:>='…'"`, sorted by
 * `updated_at`): first only ids and versions, cheaply, then the full record of each one Rapport does not
 * hold at that version — the same fields the backfill reads plus each refund's lines (a paged query may
 * nest a connection in a list; a bulk query may not). Page sizes keep each query under Shopify's
 * single-query cost of 1,000; an order with more lines than one page holds has the rest read by
 * ReconcileOrderLines before it is recorded, never a partial order.
 */
export const RECONCILE_ORDER_VERSIONS = `#graphql
  query ReconcileOrderVersions($query: String!, $after: String) {
    orders(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        updatedAt
      }
    }
  }
`;

export const RECONCILE_ORDER = `#graphql
  query ReconcileOrder($id: ID!) {
    order(id: $id) {
      id
      name
      processedAt
      createdAt
      updatedAt
      cancelledAt
      sourceName
      test
      displayFinancialStatus
      displayFulfillmentStatus
      currencyCode
      subtotalPriceSet {
        shopMoney {
          amount
        }
      }
      totalPriceSet {
        shopMoney {
          amount
        }
      }
      totalDiscountsSet {
        shopMoney {
          amount
        }
      }
      totalShippingPriceSet {
        shopMoney {
          amount
        }
      }
      totalTaxSet {
        shopMoney {
          amount
        }
      }
      customer {
        id
      }
      retailLocation {
        id
      }
      staffMember {
        id
      }
      shippingAddress {
        countryCodeV2
      }
      billingAddress {
        countryCodeV2
      }
      refunds(first: 20) {
        id
        createdAt
        note
        totalRefundedSet {
          shopMoney {
            amount
          }
        }
        refundLineItems(first: 20) {
          nodes {
            lineItem {
              id
            }
            quantity
            subtotalSet {
              shopMoney {
                amount
              }
            }
          }
        }
      }
      lineItems(first: 50) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          sku
          quantity
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
          discountAllocations {
            allocatedAmountSet {
              shopMoney {
                amount
              }
            }
          }
          product {
            id
          }
          variant {
            id
          }
        }
      }
    }
  }
`;

export const RECONCILE_ORDER_LINES = `#graphql
  query ReconcileOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          sku
          quantity
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
          discountAllocations {
            allocatedAmountSet {
              shopMoney {
                amount
              }
            }
          }
          product {
            id
          }
          variant {
            id
          }
        }
      }
    }
  }
`;

export const RECONCILE_CUSTOMERS = `#graphql
  query ReconcileCustomers($query: String!, $after: String) {
    customers(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        firstName
        lastName
        state
        tags
        createdAt
        updatedAt
        defaultEmailAddress {
          emailAddress
          marketingState
        }
        defaultPhoneNumber {
          phoneNumber
          marketingState
        }
        defaultAddress {
          countryCodeV2
        }
      }
    }
  }
`;

export const RECONCILE_PRODUCT_VERSIONS = `#graphql
  query ReconcileProductVersions($query: String!, $after: String) {
    products(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        updatedAt
      }
    }
  }
`;

export const RECONCILE_PRODUCTS = `#graphql
  query ReconcileProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
          id
          title
          handle
          status
          vendor
          productType
          tags
          publishedAt
          createdAt
          updatedAt
          totalInventory
          featuredMedia {
            ... on MediaImage {
              image {
                url
              }
            }
          }
          rating: metafield(namespace: "reviews", key: "rating") {
            value
          }
          ratingCount: metafield(namespace: "reviews", key: "rating_count") {
            value
          }
          variants(first: 20) {
            nodes {
              id
              title
              sku
              price
              compareAtPrice
              inventoryQuantity
              inventoryPolicy
            }
          }
          collections(first: 20) {
            nodes {
              id
              title
            }
          }
      }
    }
  }
`;
