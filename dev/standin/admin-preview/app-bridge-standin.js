// Dev-only App Bridge stand-in, served by the local Shopify stand-in at /app-bridge.js and loaded
// through @shopify/shopify-app-remix's APP_BRIDGE_URL override (Shopify's CDN is unreachable here).
// It does only what the embedded app relies on: `shopify.idToken()`, `Authorization: Bearer` on the
// app's own requests (Remix data requests and form posts), `<ui-nav-menu>`, and `shopify.toast`.
(function () {
  var script = document.currentScript;
  var standin = new URL(script.src).origin;
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("rapport-standin-shop") || "";
  var host = params.get("host") || sessionStorage.getItem("rapport-standin-host") || "";
  sessionStorage.setItem("rapport-standin-shop", shop);
  sessionStorage.setItem("rapport-standin-host", host);
  var realFetch = window.fetch.bind(window);

  function idToken() {
    return realFetch(standin + "/admin/session-token?shop=" + encodeURIComponent(shop))
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        return body.token;
      });
  }

  window.fetch = function (input, init) {
    var url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin) return realFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
      if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + token);
      return realFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  function toast(message) {
    var el = document.createElement("div");
    el.textContent = message;
    el.setAttribute("role", "status");
    el.style.cssText =
      "position:fixed;bottom:16px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:10px 16px;border-radius:8px;font:14px system-ui;z-index:1000";
    document.body.appendChild(el);
    setTimeout(function () {
      el.remove();
    }, 3000);
  }

  window.shopify = {
    config: { apiKey: script.dataset.apiKey, shop: shop, host: host, locale: "en" },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    environment: { embedded: true, mobile: false, pos: false },
  };

  // <ui-nav-menu> holds the app's links; the real admin shows them in its sidebar, this shows a bar.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        connectedCallback() {
          this.style.cssText =
            "display:flex;gap:16px;padding:8px 16px;background:#ebebeb;border-bottom:1px solid #d4d4d4;font:14px system-ui";
          this.setAttribute("data-standin", "nav");
        }
      },
    );
  }
})();
