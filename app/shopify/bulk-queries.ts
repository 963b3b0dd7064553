/**
 * The install backfill runs two bulk operations, one after the other (Shopify allows one at a time):
 * the catalogue, then every order with its customer and line items. Shopify writes each result as
 * JSONL and announces it with bulk_operations/finish. Result types are written by hand here;
 * generating them with @shopify/api-codegen-preset is a follow-up.
 */
export const BULK_RUN_QUERY = `#graphql
  mutation BulkRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }
`;

export interface BulkRunQueryResult {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}

/** Inner bulk queries; validated against the Admin schema like every other document. */
export const PRODUCTS_BULK_QUERY = `#graphql
  query BulkProducts {
    products {
      edges {
        node {
          id
          title
          handle
          status
          featuredMedia { ... on MediaImage { image { url } } }
          priceRangeV2 { minVariantPrice { amount currencyCode } }
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
          cancelledAt
          sourceName
          test
          displayFinancialStatus
          currencyCode
          currentSubtotalPriceSet { shopMoney { amount currencyCode } }
          currentTotalPriceSet { shopMoney { amount currencyCode } }
          customer { id firstName lastName defaultEmailAddress { emailAddress } }
          lineItems {
            edges {
              node {
                id
                title
                sku
                quantity
                originalUnitPriceSet { shopMoney { amount currencyCode } }
                product { id }
                variant { id }
              }
            }
          }
        }
      }
    }
  }
`;
