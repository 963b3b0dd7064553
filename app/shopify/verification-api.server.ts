import "@shopify/shopify-api/adapters/web-api";
import { LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { env } from "../env.server";
import { API_VERSION } from "../shopify.server";

/**
 * A shopify-api instance with the app's configuration, used only for the checks the hot paths make
 * without Remix: `webhooks.validate` (the inbox) and `utils.validateHmac` (the app proxy) — the same
 * functions `authenticate.webhook` and `authenticate.public.appProxy` call. shopify-app-remix does not
 * expose its own instance, and its authenticate helpers load the offline session on every request.
 * The web-api adapter matches the web Requests those paths hand it.
 * @example await verificationApi.utils.validateHmac(query, { signator: "appProxy" })
 */
export const verificationApi = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
  _logDisabledFutureFlags: false,
});
