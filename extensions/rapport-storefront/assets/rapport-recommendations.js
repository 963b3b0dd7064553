// @ts-check
/**
 * <rapport-recommendations>: fills the Liquid-rendered list from the app proxy once the block is
 * near the viewport. Configured by data-endpoint, data-surface, data-limit, data-product-id.
 */
class RapportRecommendations extends HTMLElement {
  /** @type {IntersectionObserver | undefined} */ observer;
  /** @type {AbortController | undefined} */ controller;

  connectedCallback() {
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
    this.controller?.abort();
  }

  async load() {
    this.controller = new AbortController();
    const url = new URL(this.dataset.endpoint || "/apps/rapport/recommendations", location.origin);
    url.searchParams.set("surface", this.dataset.surface || "home");
    url.searchParams.set("limit", this.dataset.limit || "4");
    if (this.dataset.productId) url.searchParams.set("product_id", this.dataset.productId);
    try {
      const response = await fetch(url, { signal: this.controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      /** @type {{ products: { title: string, url: string, imageUrl: string | null, price: number, currencyCode: string }[] }} */
      const data = await response.json();
      this.render(data.products);
    } catch (error) {
      if (/** @type {Error} */ (error).name !== "AbortError") this.render([]);
    }
  }

  /** @param {{ title: string, url: string, imageUrl: string | null, price: number, currencyCode: string }[]} products */
  render(products) {
    const list = this.querySelector(".rapport-recs__list");
    const template = /** @type {HTMLTemplateElement | null} */ (this.querySelector(".rapport-recs__template"));
    if (!list || !template) return;
    for (const product of products) {
      const card = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
      const link = /** @type {HTMLAnchorElement} */ (card.querySelector(".rapport-card__link"));
      const image = /** @type {HTMLImageElement} */ (card.querySelector(".rapport-card__image"));
      link.href = product.url;
      image.alt = product.title;
      if (product.imageUrl) image.src = product.imageUrl;
      else image.remove();
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__title")).textContent = product.title;
      /** @type {HTMLElement} */ (card.querySelector(".rapport-card__price")).textContent = formatMoney(
        product.price,
        product.currencyCode,
      );
      list.append(card);
    }
    list.setAttribute("aria-busy", "false");
    /** @type {HTMLElement | null} */ (this.querySelector(".rapport-recs__empty"))?.toggleAttribute("hidden", products.length > 0);
  }
}

/** @param {number} minor @param {string} currency */
function formatMoney(minor, currency) {
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "currency", currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

if (!customElements.get("rapport-recommendations")) customElements.define("rapport-recommendations", RapportRecommendations);
