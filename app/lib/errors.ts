/**
 * Typed errors for domain code (STYLE §4): domain modules throw these, routes map them to HTTP.
 * @example throw new InvalidInputError("points_per_unit", "Must be a whole number from 1 to 100")
 */
export class RapportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A webhook body that cannot become a domain command; the route parks it with this reason. */
export class InvalidPayloadError extends RapportError {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super("INVALID_PAYLOAD", `${topic}: ${reason}`);
  }
}

/** A merchant- or shopper-supplied field failed validation; `field` names it for the form. */
export class InvalidInputError extends RapportError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super("INVALID_INPUT", message);
  }
}

/** Shopify answered a mutation with userErrors. */
export class ShopifyUserError extends RapportError {
  constructor(
    readonly operation: string,
    readonly userErrors: ReadonlyArray<{ field?: readonly string[] | null; message: string }>,
  ) {
    super("SHOPIFY_USER_ERRORS", `${operation}: ${userErrors.map((e) => e.message).join("; ")}`);
  }
}

/** A GraphQL call failed (transport, errors array, or throttling that outlasted the retries). */
export class ShopifyApiError extends RapportError {
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super("SHOPIFY_API_ERROR", `${operation}: ${message}`);
  }
}
