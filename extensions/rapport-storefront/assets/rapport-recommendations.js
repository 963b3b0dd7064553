// @ts-check
/**
 * <rapport-recommendations>: the cards are already in the HTML when Liquid could render them from
 * the app-owned metafields. This script only (1) remembers this session's product views (with consent),
 * (2) refreshes the list from the app proxy when the session's views or "Not interested" should change it,
 * or when Liquid had nothing (guests), lazily when near the viewport, and (3) handles "Not interested".
 */
const VIEWS = "rapport:views";
const DISMISSED = "rapport:dismissed";
const MAX = 20;

/** @param {string} key @returns {string[]} */
function readList(key) {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) || "[]");
    return Array.isArray(value) ? value.map(String).slice(-MAX) : [];
  } catch {
    return [];
  }
}

/** @param {string} key @param {string[]} list */
function writeList(key, list) {
  try {
    sessionStorage.setItem(key, JSON.stringify(list.slice(-MAX)));
  } catch {
    /* storage full or blocked: the block still works without memory */
  }
}

/** Analytics consent through Shopify's Customer Privacy API; allowed when the API is absent. */
function consented() {
  const privacy = /** @type {any} */ (window).Shopify?.customerPrivacy;
  return typeof privacy?.analyticsProcessingAllowed === "function" ? Boolean(privacy.analyticsProcessingAllowed()) : true;
}

function visitorId() {
  const match = document.cookie.match(/(?:^|; )_rapport_vid=([\w-]{8,64})/);
  if (match) return match[1];
  const id = window.crypto.randomUUID();
  document.cookie = `_rapport_vid=${id}; path=/; max-age=31536000; SameSite=Lax`;
  return id;
}

/** Impressions and clicks waiting to be sent in one batch (attribution), only with consent. */
/** @type {object[]} */
const queue = [];
let sendTo = "";
let timer = 0;
function flush() {
  clearTimeout(timer);
  timer = 0;
  if (!queue.length || !sendTo) return;
  const body = JSON.stringify({ events: queue.splice(0, 100), visitorId: visitorId() });
  fetch(sendTo, { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true }).catch(() => {});
}
window.addEventListener("pagehide", flush);

/** @param {string | undefined} id */
const legacyId = (id) => String(id || "").replace(/^gid:\/\/shopify\/Product\//, "");

class RapportRecommendations extends HTMLElement {
  /** @type {IntersectionObserver | undefined} */ observer;
  /** @type {AbortController | undefined} */ controller;
  /** @type {IntersectionObserver | undefined} */ seen;

  connectedCallback() {
    const current = legacyId(this.dataset.productId);
    const before = readList(VIEWS);
    if (current && this.dataset.surface === "product" && consented()) {
      writeList(VIEWS, [...before.filter((id) => id !== current), current]);
    }
    this.addEventListener("click", this.onClick);
    // Liquid's list stands unless this session has said something it could not know.
    const sessionSaysMore = before.some((id) => id !== current) || readList(DISMISSED).length > 0;
    if (this.dataset.prerendered === "true" && !sessionSaysMore) return this.watch();
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.load();
      },
      { rootMargin: "200px" },
    );
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.seen?.disconnect();
    this.controller?.abort();
    this.removeEventListener("click", this.onClick);
  }

  /** @param {Event} event */
  onClick = (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const link = target.closest?.(".rapport-card__link");
    if (link) this.track("click", /** @type {HTMLElement} */ (link.closest(".rapport-card")));
    const button = target.closest?.(".rapport-card__dismiss");
    const card = /** @type {HTMLElement | null} */ (button?.closest(".rapport-card") ?? null);
    if (!button || !card) return;
    event.preventDefault();
    const id = legacyId(card.dataset.productId);
    card.remove();
    if (!id) return;
    writeList(DISMISSED, [...readList(DISMISSED).filter((d) => d !== id), id]);
    fetch(this.endpoint(), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ dismiss: id, visitorId: visitorId() }),
      keepalive: true,
    }).catch(() => {});
    if (!this.querySelector(".rapport-card")) this.load();
  };

  /** Counts each card once when half of it has been on screen. */
  watch() {
    this.seen?.disconnect();
    this.seen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          this.seen?.unobserve(entry.target);
          this.track("impression", /** @type {HTMLElement} */ (entry.target));
        }
      },
      { threshold: 0.5 },
    );
    this.querySelectorAll(".rapport-card").forEach((card) => this.seen?.observe(card));
  }

  /** @param {"impression" | "click"} kind @param {HTMLElement | null} card */
  track(kind, card) {
    if (!card || !consented()) return;
    sendTo = this.endpoint().href;
    queue.push({
      id: `${kind}-${window.crypto.randomUUID()}`,
      kind,
      product: legacyId(card.dataset.productId),
      surface: this.dataset.surface || "home",
      strategy: card.dataset.strategy || this.dataset.strategy || "trending",
      position: [...this.querySelectorAll(".rapport-card")].indexOf(card),
      at: Date.now(),
    });
    // A click leaves the page: send now. Impressions go together, a few seconds later.
    if (kind === "click" || queue.length >= 100) flush();
    else timer ||= window.setTimeout(flush, 4000);
  }

  endpoint() {
    return new URL(this.dataset.endpoint || "/apps/rapport/recommendations", location.origin);
  }

  async load() {
    this.controller?.abort();
    this.controller = new AbortController();
    const url = this.endpoint();
    url.searchParams.set("surface", this.dataset.surface || "home");
    url.searchParams.set("limit", this.dataset.limit || "4");
    if (this.dataset.productId) url.searchParams.set("product_id", legacyId(this.dataset.productId));
    const views = readList(VIEWS);
    const dismissed = readList(DISMISSED);
    if (views.length) url.searchParams.set("views", views.join(","));
    if (dismissed.length) url.searchParams.set("dismissed", dismissed.join(","));
    try {
      const response = await fetch(url, { signal: this.controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.render(await response.json());
    } catch (error) {
      if (/** @type {Error} */ (error).name !== "AbortError") this.render({ heading: "none", products: [] });
    }
  }

  /** @param {{ heading: string, products: { id: string, title: string, url: string, imageUrl: string | null, price: number, currencyCode: string, why?: string, strategy?: string }[] }} data */
  render(data) {
    const list = this.querySelector(".rapport-recs__list");
    const template = /** @type {HTMLTemplateElement | null} */ (this.querySelector(".rapport-recs__template"));
    if (!list || !template) return;
    list.replaceChildren();
    for (const product of data.products) {
      const card = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
      const item = /** @type {HTMLElement} */ (card.querySelector(".rapport-card"));
      const link = /** @type {HTMLAnchorElement} */ (card.querySelector(".rapport-card__link"));
      const image = /** @type {HTMLImageElement} */ (card.querySelector(".rapport-card__image"));
      item.dataset.productId = product.id;
      item.dataset.strategy = product.strategy || "";
      link.href = product.url;
      image.alt = product.title;
      if (product.imageUrl) image.src = product.imageUrl;
      else image.remove();
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__title")).textContent = product.title;
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__price")).textContent = formatMoney(
        product.price,
        product.currencyCode,
      );
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__why")).textContent = product.why || "";
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__dismiss")).textContent =
        this.dataset.notInterested || "Not interested";
      list.append(card);
    }
    const heading = this.querySelector(".rapport-recs__heading");
    const text = this.dataset[`h${data.heading.replace(/(^|_)(\w)/g, (_, _s, c) => c.toUpperCase())}`];
    if (heading && text) heading.textContent = text;
    list.setAttribute("aria-busy", "false");
    this.classList.remove("rapport-recs--pending");
    // An empty block hides itself rather than showing a frame with nothing in it.
    this.hidden = data.products.length === 0;
    this.watch();
  }
}

/** @param {number} minor @param {string} currency */
function formatMoney(minor, currency) {
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "currency", currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

if (!customElements.get("rapport-recommendations")) customElements.define("rapport-recommendations", RapportRecommendations);
