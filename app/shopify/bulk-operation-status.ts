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

export interface BulkOperationStatusResult {
  node: { id: string; status: string; errorCode: string | null; objectCount: string; url: string | null } | null;
}
