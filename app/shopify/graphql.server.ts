import { GraphqlQueryError } from "@shopify/shopify-api";
import { ShopifyApiError, ShopifyUserError } from "../lib/errors";

/** The part of the official admin client Rapport uses (`admin` from authenticate.* / unauthenticated.admin). */
export interface AdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}
interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}
/** The official client's error body: `errors` is `{ graphQLErrors: [...] }` (a raw answer has a plain array). */
interface ErrorBody {
  errors?: GraphqlError[] | { graphQLErrors?: GraphqlError[]; message?: string } | string;
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } };
}

const MAX_ATTEMPTS = 6;

/**
 * Runs one named Admin GraphQL operation through the official client. A THROTTLED answer (the
 * cost-based leaky bucket ran dry) is retried after the time the bucket needs to refill for the
 * requested cost; any other error becomes a ShopifyApiError naming the operation.
 * @example const data = await runOperation<ShopInfoQuery>(admin, "ShopInfo", SHOP_INFO)
 */
export async function runOperation<T>(
  admin: AdminGraphql,
  operationName: string,
  document: string,
  variables?: Record<string, unknown>,
  sleep = defaultSleep,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await admin.graphql(document, variables ? { variables } : undefined);
      const body = (await response.json()) as { data?: T } & ErrorBody;
      if (errorsOf(body).length) throw new ShopifyApiError(operationName, describeErrors(body));
      return body.data as T;
    } catch (error) {
      const body = error instanceof GraphqlQueryError ? (error.body as ErrorBody | undefined) : undefined;
      const throttled = body !== undefined && errorsOf(body).some((e) => e.extensions?.code === "THROTTLED");
      if (throttled && attempt < MAX_ATTEMPTS) {
        await sleep(refillWaitMs(body!));
        continue;
      }
      if (error instanceof ShopifyApiError) throw error;
      throw new ShopifyApiError(operationName, body ? describeErrors(body) : error instanceof Error ? error.message : String(error));
    }
  }
}

/** Throws a ShopifyUserError when a mutation answered with userErrors (STYLE §6). */
export function requireNoUserErrors(
  operationName: string,
  userErrors: ReadonlyArray<{ field?: readonly string[] | null; message: string }> | null | undefined,
): void {
  if (userErrors && userErrors.length > 0) throw new ShopifyUserError(operationName, userErrors);
}

/** How long until the bucket holds the requested cost again (at least 250 ms, at most 10 s). */
export function refillWaitMs(body: ErrorBody): number {
  const cost = body.extensions?.cost;
  const status = cost?.throttleStatus;
  if (!status || !cost?.requestedQueryCost) return 1000;
  const missing = cost.requestedQueryCost - status.currentlyAvailable;
  return Math.min(10_000, Math.max(250, Math.ceil((missing / status.restoreRate) * 1000)));
}

function errorsOf(body: ErrorBody): GraphqlError[] {
  if (!body.errors) return [];
  if (Array.isArray(body.errors)) return body.errors;
  if (typeof body.errors === "string") return [{ message: body.errors }];
  return body.errors.graphQLErrors ?? [{ message: body.errors.message ?? "GraphQL request failed" }];
}

function describeErrors(body: ErrorBody): string {
  return errorsOf(body)
    .map((e) => e.message)
    .join("; ");
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
