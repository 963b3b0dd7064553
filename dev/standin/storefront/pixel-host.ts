// The storefront preview's side of Shopify's pixel sandbox, bundled for the browser (pixel-sandbox.ts):
// a consent banner (Shopify's Customer Privacy API), and — only with analytics consent — a Web Worker
// running the real extensions/rapport-pixel code, fed the standard events of the page.
import { checkoutCompleted, productAddedToCart, productViewed, type PixelOrder, type PixelProduct } from "./pixel-events";

interface PageData {
  workerUrl: string;
  settings: { shop: string; endpoint: string };
  currency: string;
  customer: { id: string; email: string; firstName: string; lastName: string } | null;
  product: PixelProduct | null;
  order: PixelOrder | null;
}

const CONSENT_COOKIE = "standin_consent";
const data = JSON.parse(document.getElementById("standin-pixel-data")!.textContent!) as PageData;
let worker: Worker | null = null;
const consentOf = () => /(?:^|;\s*)standin_consent=(yes|no)/.exec(document.cookie)?.[1] ?? null;
const privacyOf = (allowed: boolean) => ({
  analyticsProcessingAllowed: allowed,
  marketingAllowed: false,
  preferencesProcessingAllowed: false,
  saleOfDataAllowed: false,
});
const publish = (event: unknown) => worker?.postMessage({ type: "event", event });

function startPixel() {
  worker = new Worker(data.workerUrl);
  worker.addEventListener("message", ({ data: m }: MessageEvent<{ type: string; id: number; op: "get" | "set"; value: string }>) => {
    if (m.type !== "cookie") return;
    if (m.op === "set") document.cookie = m.value;
    const value = m.op === "get" ? (new RegExp(`(?:^|;\\s*)${m.value}=([^;]*)`).exec(document.cookie)?.[1] ?? "") : "";
    worker?.postMessage({ type: "cookie-answer", id: m.id, value });
  });
  const init = { customerPrivacy: privacyOf(true), data: { customer: data.customer, shop: { myshopifyDomain: data.settings.shop } } };
  worker.postMessage({ type: "init", init, settings: data.settings });
  if (data.product) publish(productViewed(data.product, data.currency, `sh-${crypto.randomUUID()}`));
  if (data.order) publish(checkoutCompleted(data.order, data.currency));
}

function setConsent(allowed: boolean) {
  document.cookie = `${CONSENT_COOKIE}=${allowed ? "yes" : "no"}; path=/; max-age=31536000; SameSite=Lax`;
  worker?.postMessage({ type: "consent", customerPrivacy: privacyOf(allowed) });
  if (allowed && !worker) startPixel();
  renderConsent();
}

function renderConsent() {
  const consent = consentOf();
  let box = document.getElementById("standin-consent");
  if (!box) {
    box = document.body.appendChild(document.createElement("aside"));
    box.id = "standin-consent";
    box.setAttribute("aria-label", "Cookie consent");
    box.style.cssText =
      "position:fixed;left:1rem;bottom:1rem;z-index:50;max-width:22rem;padding:.8rem 1rem;background:#fff;border:1px solid #d1d5db;border-radius:8px;box-shadow:0 4px 16px #0002;font-size:.85rem";
  }
  box.dataset.consent = consent ?? "unset";
  box.innerHTML =
    consent === null
      ? `<p style="margin:0 0 .5rem">We use analytics to improve your shopping experience.</p>
         <button type="button" data-testid="consent-accept">Accept</button> <button type="button" data-testid="consent-decline">Decline</button>`
      : `<span data-testid="consent-state">Analytics ${consent === "yes" ? "allowed" : "declined"}</span> ·
         <button type="button" data-testid="${consent === "yes" ? "consent-decline" : "consent-accept"}">${consent === "yes" ? "Withdraw" : "Allow"}</button>`;
  box.querySelector<HTMLButtonElement>("[data-testid=consent-accept]")?.addEventListener("click", () => setConsent(true));
  box.querySelector<HTMLButtonElement>("[data-testid=consent-decline]")?.addEventListener("click", () => setConsent(false));
}

// Add to cart without leaving the page (as an AJAX-cart theme does), so the event reaches the pixel.
document.addEventListener("submit", (e) => {
  const form = e.target as HTMLFormElement;
  if (!data.product || new URL(form.action).pathname !== "/cart/add") return;
  e.preventDefault();
  // The cart cookie comes with the 303; following it would render the whole cart page for nothing.
  const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  void fetch(form.action, { method: "POST", body, redirect: "manual" }).then(() => {
    publish(productAddedToCart(data.product!, data.currency, `sh-${crypto.randomUUID()}`));
    const cart = document.querySelector<HTMLAnchorElement>('header a[href="/cart"]');
    if (cart) cart.textContent = cart.textContent!.replace(/\((\d+)\)/, (_m, n: string) => `(${Number(n) + 1})`);
    form.insertAdjacentHTML("beforeend", `<p role="status" data-testid="added-to-cart">Added to cart</p>`);
  });
});

renderConsent();
if (consentOf() === "yes") startPixel();
