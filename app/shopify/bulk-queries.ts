/**
 * The install backfill's bulk operations: the catalogue, the customers, then the orders. Each inner
 * query is validated against the Admin schema like every other document. A bulk query may nest
 * connections two levels deep but not inside a list, so an order's `refunds` carry no lines here
 * (reconciliation and refunds/create itemize them). The operation runs with groupObjects, so each
 * object's children follow it in the file and the backfill can stream it (docs/decisions/005).
 */
export const BULK_RUN_QUERY = `#graphql
  mutation BulkRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const PRODUCTS_BULK_QUERY = `#graphql
  query BulkProducts {
    products {
      edges {
        node {
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
          variants {
            edges {
              node {
                id
                title
                sku
                price
                compareAtPrice
                inventoryQuantity
                inventoryPolicy
              }
            }
          }
          collections {
            edges {
              node {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

export const CUSTOMERS_BULK_QUERY = `#graphql
  query BulkCustomers {
    customers {
      edges {
        node {
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
  }
`;

export const ORDERS_BULK_QUERY = `#graphql
  query BulkOrders {
    orders {
      edges {
        node {
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
          refunds {
            id
            createdAt
            note
            totalRefundedSet {
              shopMoney {
                amount
              }
            }
          }
          lineItems {
            edges {
              node {
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
      }
    }
  }
`;

/** How many records each phase will read: the backfill's progress is a share of these. */
export const RECORD_COUNTS = `#graphql
  query RecordCounts {
    productsCount(limit: null) {
      count
    }
    customersCount(limit: null) {
      count
    }
    ordersCount(limit: null) {
      count
    }
  }
`;
