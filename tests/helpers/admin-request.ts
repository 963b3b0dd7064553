import { Session } from "@shopify/shopify-api";
import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { sessionStorage } from "../../app/shopify.server";
import { SHOP } from "./webhook-request";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/** Stores the offline session a completed token exchange would have left, so no exchange is needed. */
export async function givenInstalledSession(shop = SHOP): Promise<void> {
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      accessToken: "shpat_test",
      scope: "read_orders,write_discounts",
      expires: new Date(Date.now() + 86_400_000),
    }),
  );
}

/** The document request the Shopify admin makes when it frames the app: embedded=1, shop, host, id_token. */
export async function adminDocumentRequest(path: string, options: { secret?: string } = {}): Promise<Request> {
  const { token } = await getJwt(SHOP.replace(".myshopify.com", ""), API_KEY, options.secret ?? API_SECRET_KEY);
  const host = Buffer.from(`admin.shopify.com/store/${SHOP.replace(".myshopify.com", "")}`).toString("base64url");
  return new Request(`https://my-test-app.myshopify.io${path}?embedded=1&shop=${SHOP}&host=${host}&id_token=${token}`, {
    headers: { "User-Agent": BROWSER },
  });
}

/** A data request or form post from inside the embedded app: App Bridge adds `Authorization: Bearer`. */
export async function adminDataRequest(path: string, init: RequestInit = {}, options: { secret?: string } = {}): Promise<Request> {
  const { token } = await getJwt(SHOP.replace(".myshopify.com", ""), API_KEY, options.secret ?? API_SECRET_KEY);
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  headers.set("User-Agent", BROWSER);
  return new Request(`https://my-test-app.myshopify.io${path}`, { ...init, headers });
}

/** Runs a loader or action, returning a thrown Response (redirects, auth failures) instead of throwing it. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
