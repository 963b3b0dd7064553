import { WebhookValidationErrorReason } from "@shopify/shopify-api";
import { verificationApi as api } from "../shopify/verification-api.server";

// The same validation `authenticate.webhook` runs (shopify-api's `webhooks.validate`: the HMAC of the
// raw body with the app secret, then Shopify's required headers): the inbox needs neither the offline
// session `authenticate.webhook` loads on every delivery nor its admin client, and that session read
// was a database round trip per webhook.

/** Whether a delivery passed the check; if not, the answer `authenticate.webhook` would give. */
export type VerifiedWebhook = { ok: true } | { ok: false; response: Response };

/**
 * Verifies a webhook exactly as `authenticate.webhook` does and answers as it would: 405 for anything
 * but POST, 401 for a bad HMAC, 400 for missing headers.
 * @example const check = await verifyWebhook(request, rawBody); if (!check.ok) return check.response;
 */
export async function verifyWebhook(request: Request, rawBody: string): Promise<VerifiedWebhook> {
  if (request.method !== "POST") return { ok: false, response: new Response(undefined, { status: 405, statusText: "Method not allowed" }) };
  const check = await api.webhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) {
    const unauthorized = check.reason === WebhookValidationErrorReason.InvalidHmac;
    return {
      ok: false,
      response: new Response(
        undefined,
        unauthorized ? { status: 401, statusText: "Unauthorized" } : { status: 400, statusText: "Bad Request" },
      ),
    };
  }
  return { ok: true };
}
