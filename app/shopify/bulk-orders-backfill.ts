/**
 * Starts the install backfill: every order with its customer and line items, as one bulk operation
 * (Shopify writes a JSONL file; bulk_operations/finish tells the app where). Result types are written
 * by hand here; generating them with @shopify/api-codegen-preset is a follow-up.
 */
export const BULK_ORDERS_BACKFILL = `#graphql
  mutation BulkOrdersBackfill($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }
`;

/** The inner bulk query; validated against the Admin schema like every other document. */
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

export interface BulkOrdersBackfillResult {
  bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: { field: string[] | null; message: string }[] };
}
