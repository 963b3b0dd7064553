// Test configuration mirrors @shopify/shopify-api/test-helpers' constants so requests signed with
// its helpers (HMAC, session-token JWT) validate against the app exactly as Shopify's would.
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

process.env.NODE_ENV = "test";
process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL = APP_URL;
