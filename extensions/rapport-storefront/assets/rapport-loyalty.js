// @ts-check
/**
 * <rapport-loyalty>: the loyalty launcher. Liquid renders who is signed in; this element fetches the
 * balance from the app proxy (data-endpoint) for a signed-in shopper and toggles the panel.
 */
class RapportLoyalty extends HTMLElement {
  /** @type {AbortController | undefined} */ controller;
  /** @type {IntersectionObserver | undefined} */ observer;

  connectedCallback() {
    this.button = this.querySelector(".rapport-loyalty__button");
    this.panel = this.querySelector(".rapport-loyalty__panel");
    this.toggle = this.toggle.bind(this);
    this.button?.addEventListener("click", this.toggle);
    if (this.dataset.signedIn !== "true") return;
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.observer?.disconnect();
      this.loadBalance();
    });
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.button?.removeEventListener("click", this.toggle);
    this.observer?.disconnect();
    this.controller?.abort();
  }

  toggle() {
    const open = this.button?.getAttribute("aria-expanded") === "true";
    this.button?.setAttribute("aria-expanded", String(!open));
    this.panel?.toggleAttribute("hidden", open);
  }

  async loadBalance() {
    this.controller = new AbortController();
    try {
      const response = await fetch(this.dataset.endpoint || "/apps/rapport/loyalty", {
        signal: this.controller.signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      /** @type {{ loggedIn: boolean, balance: number | null }} */
      const data = await response.json();
      if (data.balance === null) return;
      const text = new Intl.NumberFormat(document.documentElement.lang || undefined).format(data.balance);
      this.querySelectorAll("[data-rapport-balance]").forEach((element) => (element.textContent = text));
      this.dataset.balance = String(data.balance);
    } catch (error) {
      if (/** @type {Error} */ (error).name !== "AbortError") this.dataset.balanceError = "true";
    }
  }
}

if (!customElements.get("rapport-loyalty")) customElements.define("rapport-loyalty", RapportLoyalty);
