import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Mints an App Bridge session token exactly as Shopify does: HS256 over the app secret with
 * iss/dest/aud/sub/exp/nbf/iat/jti/sid (shopify.dev "Session tokens" → "Anatomy").
 * @example await mintSessionToken({ shop: "demo.myshopify.com", apiKey, apiSecret, userId: 1 })
 */
export async function mintSessionToken(input: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId?: number;
  /** Lifetime in seconds; Shopify's tokens live one minute. */
  ttlSeconds?: number;
  now?: number;
}): Promise<string> {
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  return new SignJWT({
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: String(input.userId ?? 1),
    exp: now + (input.ttlSeconds ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(input.apiSecret));
}
