import { register } from "@shopify/web-pixels-extension";

const VISITOR_COOKIE = "_rapport_vid";
const FLUSH_MS = 2000;
const MAX_BATCH = 50;

interface PixelEvent {
  id: string;
  name: "product_viewed" | "product_added_to_cart" | "checkout_completed";
  timestamp: string;
  productId?: string | null;
  customerId?: string | null;
}

// Batches product views, cart adds and completed checkouts and posts them to Rapport. Shopify runs this
// only when the shopper allows analytics (customer_privacy in shopify.extension.toml); the consent is sent
// along and checked again by the app.
register(async ({ analytics, browser, init, settings, customerPrivacy }) => {
  let visitorId = await browser.cookie.get(VISITOR_COOKIE);
  if (!visitorId) {
    visitorId = `v_${crypto.randomUUID().replace(/-/g, "")}`;
    await browser.cookie.set(`${VISITOR_COOKIE}=${visitorId}; path=/; max-age=31536000; SameSite=Lax`);
  }
  let consent = init.customerPrivacy?.analyticsProcessingAllowed ?? false;
  customerPrivacy.subscribe("visitorConsentCollected", (event) => {
    consent = event.customerPrivacy.analyticsProcessingAllowed;
  });
  const customerId = init.data.customer?.id ?? null;
  const queue: PixelEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    if (!queue.length || !consent) return;
    const events = queue.splice(0, MAX_BATCH);
    const body = JSON.stringify({ shop: settings.shop, visitorId, consent: { analytics: consent }, customerId, events });
    void fetch(String(settings.endpoint), { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true });
    if (queue.length) timer = setTimeout(flush, FLUSH_MS);
  };
  const push = (event: PixelEvent) => {
    queue.push(event);
    if (queue.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  };

  analytics.subscribe("product_viewed", (event) => {
    push({ id: event.id, name: "product_viewed", timestamp: event.timestamp, productId: event.data.productVariant?.product?.id ?? null });
  });
  analytics.subscribe("product_added_to_cart", (event) => {
    push({
      id: event.id,
      name: "product_added_to_cart",
      timestamp: event.timestamp,
      productId: event.data.cartLine?.merchandise?.product?.id ?? null,
    });
  });
  analytics.subscribe("checkout_completed", (event) => {
    push({
      id: event.id,
      name: "checkout_completed",
      timestamp: event.timestamp,
      customerId: event.data.checkout?.order?.customer?.id ?? null,
    });
    flush();
  });
});
