import { LoginErrorType } from "@shopify/shopify-app-remix/server";

/**
 * The login form's field errors in words, from what the official `login()` reports.
 * @example loginErrorMessage({ shop: LoginErrorType.InvalidShop }) // { shop: "Enter a shop domain like …" }
 */
export function loginErrorMessage(result: { shop?: LoginErrorType }): { shop?: string } {
  if (result.shop === LoginErrorType.MissingShop) return { shop: "Enter your shop domain to log in" };
  if (result.shop === LoginErrorType.InvalidShop) return { shop: "Enter a shop domain like example.myshopify.com" };
  return {};
}
