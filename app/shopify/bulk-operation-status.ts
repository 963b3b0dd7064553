/** Where a finished bulk operation's JSONL lives, and how it ended. */
export const BULK_OPERATION_STATUS = `#graphql
  query BulkOperationStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {
        id
        status
        errorCode
        objectCount
        url
      }
    }
  }
`;
