import { randomBytes } from "node:crypto";
import express from "express";
import { jwtVerify } from "jose";
import type { StandinContext } from "./context";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
/** Expiring offline tokens live an hour; their refresh tokens 90 days (shopify.dev, "Offline access tokens"). */
const ACCESS_TTL = 3600;
const REFRESH_TTL = 90 * 86400;

/**
 * `POST /admin/oauth/access_token`: token exchange (session token → access token) and the refresh
 * grant for expiring offline tokens, with Shopify's error answers. A token marks the app installed.
 */
export function oauthRouter(ctx: StandinContext, scopes: string): express.Router {
  const router = express.Router();
  const refreshTokens = new Map<string, { shop: string; expiresAt: number }>();

  router.post("/admin/oauth/access_token", express.json(), express.urlencoded({ extended: false }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const shopDomain = String(req.get("x-standin-shop") ?? req.hostname);
    const shop = ctx.store.shops.get(shopDomain);
    if (body.client_id !== ctx.app.apiKey || body.client_secret !== ctx.app.apiSecret || !shop) {
      res.status(400).json({ error: "invalid_client", error_description: "Client credentials are invalid" });
      return;
    }
    const issue = (online: boolean, expiring: boolean) => {
      const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
      const expiresAt = expiring || online ? Date.now() + ACCESS_TTL * 1000 : null;
      shop.accessTokens.set(accessToken, { scope: scopes, expiresAt });
      shop.appInstalled = true;
      const answer: Record<string, unknown> = { access_token: accessToken, scope: scopes };
      if (online) {
        Object.assign(answer, {
          expires_in: ACCESS_TTL,
          associated_user_scope: scopes,
          associated_user: {
            id: 1,
            first_name: "Dev",
            last_name: "Merchant",
            email: `owner@${shop.domain}`,
            account_owner: true,
            locale: "en",
            collaborator: false,
            email_verified: true,
          },
        });
      } else if (expiring) {
        const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
        refreshTokens.set(refreshToken, { shop: shop.domain, expiresAt: Date.now() + REFRESH_TTL * 1000 });
        Object.assign(answer, { expires_in: ACCESS_TTL, refresh_token: refreshToken, refresh_token_expires_in: REFRESH_TTL });
      }
      return answer;
    };

    if (body.grant_type === "refresh_token") {
      const known = refreshTokens.get(body.refresh_token ?? "");
      if (!known || known.shop !== shop.domain || known.expiresAt < Date.now()) {
        res.status(400).json({ error: "invalid_grant", error_description: "The refresh token is invalid or expired" });
        return;
      }
      refreshTokens.delete(body.refresh_token!);
      res.json(issue(false, true));
      return;
    }
    if (
      body.grant_type !== TOKEN_EXCHANGE ||
      body.subject_token_type !== ID_TOKEN ||
      ![OFFLINE, ONLINE].includes(body.requested_token_type ?? "")
    ) {
      res.status(400).json({ error: "invalid_request", error_description: "Unsupported grant or token type" });
      return;
    }
    try {
      const { payload } = await jwtVerify(body.subject_token ?? "", new TextEncoder().encode(ctx.app.apiSecret), {
        audience: ctx.app.apiKey,
        clockTolerance: 5,
      });
      if (payload.dest !== `https://${shop.domain}`) throw new Error("dest does not match the shop");
    } catch {
      res.status(400).json({ error: "invalid_subject_token", error_description: "Token exchange failed: the subject token is invalid" });
      return;
    }
    res.json(issue(body.requested_token_type === ONLINE, body.expiring === "1"));
  });
  return router;
}
