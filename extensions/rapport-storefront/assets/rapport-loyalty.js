// @ts-check
// <rapport-loyalty>: Liquid renders it; this opens the dialog, loads /panel, redeems via /discount/CODE.

/** @typedef {{ id: string, title: string, pointsCost: number, affordable: boolean, tier?: string }} Reward */
/** @typedef {{ loggedIn: boolean, balance?: number, birthdaySet?: boolean, rewards: Reward[], codes: { code: string }[], activity: { reason: string, points: number, at: string }[], earn?: { points: number, currency: string } }} Panel */

const FOCUSABLE = "a[href],button:not([disabled]),input,select";

/** Fills `{name}` slots. @param {string} text @param {Record<string, string>} values */
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");

/** @param {string} tag @param {string} [className] @param {string} [text] */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class RapportLoyalty extends HTMLElement {
  /** @type {AbortController | undefined} */ controller;

  connectedCallback() {
    this.dialog = /** @type {HTMLDialogElement} */ (this.querySelector("dialog"));
    this.button = /** @type {HTMLButtonElement} */ (this.querySelector(".rapport-loyalty__button"));
    /** @type {Record<string, any>} */
    this.text = JSON.parse(this.querySelector("[data-rapport-i18n]")?.textContent || "{}");
    this.lang = document.documentElement.lang || undefined;
    this.number = new Intl.NumberFormat(this.lang);
    // One signal removes every listener in disconnectedCallback.
    this.listeners = new AbortController();
    const on = { signal: this.listeners.signal };
    this.button.addEventListener("click", (e) => this.open(e), on);
    this.dialog.addEventListener("close", () => this.onClose(), on);
    this.dialog.addEventListener("click", (e) => this.onDialogClick(e), on);
    this.dialog.addEventListener("keydown", (e) => this.onKeydown(e), on);
    this.dialog.addEventListener("submit", (e) => this.onSubmit(e), on);
    document.addEventListener("click", (e) => this.onDocumentClick(e), on);
    document.querySelectorAll("[data-rapport-open-loyalty]").forEach((b) => b.removeAttribute("hidden"));
    // The metafield lags a redemption by up to a minute: show the app's last balance.
    const kept = this.kept();
    if (kept?.c === this.dataset.customer && Date.now() - kept.t < 120_000) this.showBalance(kept.b);
  }

  kept(value = undefined) {
    try {
      if (value) sessionStorage.setItem("rapport-balance", JSON.stringify(value));
      return JSON.parse(sessionStorage.getItem("rapport-balance") || "null");
    } catch {
      return null;
    }
  }

  disconnectedCallback() {
    this.listeners?.abort();
    this.controller?.abort();
  }

  /** @param {string} path @param {object} body */
  post(path, body) {
    return fetch(`${this.dataset.endpoint}/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  /** @param {{ currentTarget: EventTarget | null }} [event] */
  open(event) {
    if (!this.dialog || this.dialog.open) return;
    this.opener = /** @type {HTMLElement | null} */ (event?.currentTarget instanceof HTMLElement ? event.currentTarget : this.button);
    this.dialog.showModal();
    this.button?.setAttribute("aria-expanded", "true");
    this.load();
  }

  onClose() {
    this.button?.setAttribute("aria-expanded", "false");
    this.controller?.abort();
    (this.opener || this.button)?.focus();
  }

  /** @param {MouseEvent} event */
  onDialogClick(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    // A click on the backdrop lands on the dialog itself.
    if (target === this.dialog || target.closest("[data-rapport-close]")) return this.dialog.close();
    const redeem = /** @type {HTMLButtonElement | null} */ (target.closest("[data-reward]"));
    if (redeem) this.redeem(redeem);
  }

  /** @param {MouseEvent} event */
  onDocumentClick(event) {
    const opener = /** @type {HTMLElement} */ (event.target).closest?.("[data-rapport-open-loyalty]");
    if (opener) this.open({ currentTarget: opener });
  }

  /** Keeps Tab inside the dialog. @param {KeyboardEvent} event */
  onKeydown(event) {
    if (event.key !== "Tab" || !this.dialog) return;
    const items = /** @type {HTMLElement[]} */ ([...this.dialog.querySelectorAll(FOCUSABLE)]).filter((n) => n.offsetParent);
    const [first, last] = event.shiftKey ? [items.at(-1), items[0]] : [items[0], items.at(-1)];
    if (last && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  async load() {
    this.controller?.abort();
    this.controller = new AbortController();
    try {
      const response = await fetch(`${this.dataset.endpoint}/panel`, { signal: this.controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.render(/** @type {Panel} */ (await response.json()));
    } catch (error) {
      if (/** @type {Error} */ (error).name !== "AbortError") this.status(this.text.failed);
    }
  }

  /** @param {Panel} data */
  render(data) {
    const q = (/** @type {string} */ name) => this.querySelector(`[data-rapport-${name}]`);
    if (typeof data.balance === "number") this.showBalance(data.balance);
    const birthday = /** @type {HTMLFormElement | null} */ (q("birthday"));
    if (birthday) birthday.hidden = data.birthdaySet !== false;
    const earn = q("earn");
    if (earn && data.earn) {
      const amount = new Intl.NumberFormat(this.lang, {
        style: "currency",
        currency: data.earn.currency,
      }).format(1);
      earn.textContent = fill(this.text.earn, { points: this.number.format(data.earn.points), amount });
    }
    const rewards = q("rewards");
    if (rewards) {
      rewards.replaceChildren(
        ...data.rewards.map((r) => {
          const t = this.text;
          const item = el("li", "rapport-loyalty__reward");
          item.append(
            el("span", "rapport-loyalty__reward-title", r.title),
            el("span", "rapport-loyalty__cost", fill(t.cost, { points: this.number.format(r.pointsCost) })),
          );
          if (data.loggedIn) {
            const button = /** @type {HTMLButtonElement} */ (
              el("button", "rapport-loyalty__redeem", r.tier ? fill(t.tier, { tier: r.tier }) : r.affordable ? t.redeem : t.short)
            );
            button.type = "button";
            button.dataset.reward = r.id;
            button.disabled = !r.affordable;
            item.append(button);
          }
          return item;
        }),
      );
      rewards.removeAttribute("aria-busy");
    }
    this.list(q("codes"), data.codes, (c) => {
      const item = el("li", "rapport-loyalty__code");
      const link = /** @type {HTMLAnchorElement} */ (el("a", "rapport-loyalty__apply", this.text.apply));
      link.href = this.discountUrl(c.code);
      item.append(el("code", "", c.code), link);
      return item;
    });
    this.list(q("activity"), data.activity, (a) => {
      const item = el("li", "rapport-loyalty__activity");
      const when = new Date(a.at).toLocaleDateString(this.lang, { day: "numeric", month: "short" });
      const points = `${a.points > 0 ? "+" : ""}${this.number.format(a.points)}`;
      item.append(el("span", "", `${this.text.reasons?.[a.reason] ?? a.reason} · ${when}`), el("strong", "", points));
      return item;
    });
  }

  /** @param {Element | null} list @param {any[]} items @param {(item: any) => HTMLElement} row */
  list(list, items, row) {
    if (!list) return;
    list.replaceChildren(...(items.length ? items.map(row) : [el("li", "rapport-loyalty__empty", this.text.none)]));
  }

  /** @param {number} balance */
  showBalance(balance) {
    document.querySelectorAll("[data-rapport-balance]").forEach((node) => (node.textContent = String(balance)));
    this.kept({ c: this.dataset.customer, b: balance, t: Date.now() });
  }

  /** @param {string} code */
  discountUrl(code) {
    return `/discount/${encodeURIComponent(code)}?redirect=${encodeURIComponent(this.dataset.cartUrl || "/cart")}`;
  }

  /** @param {string} message */
  status(message) {
    const node = this.querySelector("[data-rapport-status]");
    if (node) node.textContent = message || "";
  }

  /** The birthday form. @param {SubmitEvent} event */
  async onSubmit(event) {
    const form = /** @type {HTMLFormElement} */ (event.target);
    event.preventDefault();
    const data = new FormData(form);
    const response = await this.post("birthday", { month: Number(data.get("month")), day: Number(data.get("day")) }).catch(() => null);
    form.hidden = Boolean(response?.ok);
    this.status(response?.ok ? this.text.saved : this.text.failed);
  }

  /** @param {HTMLButtonElement} button */
  async redeem(button) {
    button.disabled = true;
    // One key per click: a retried or doubled request redeems once.
    const key = window.crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    try {
      const response = await this.post("redeem", { rewardId: button.dataset.reward, idempotencyKey: key });
      /** @type {{ code?: string | null, status?: string, balance?: number, error?: string }} */
      const result = await response.json();
      if (typeof result.balance === "number") this.showBalance(result.balance);
      if (response.status === 409) throw new Error(this.text.short);
      if (!response.ok || !result.code || result.status !== "issued") throw new Error(this.text.failed);
      this.status(this.text.applying);
      window.location.assign(this.discountUrl(result.code));
    } catch (error) {
      this.status(/** @type {Error} */ (error).message);
      button.disabled = false;
    }
  }
}

if (!customElements.get("rapport-loyalty")) customElements.define("rapport-loyalty", RapportLoyalty);
