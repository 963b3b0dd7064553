// Dev-only App Bridge stand-in, served by the local Shopify stand-in at /app-bridge.js and loaded
// through @shopify/shopify-app-remix's APP_BRIDGE_URL override (Shopify's CDN is unreachable here).
// It does only what the embedded app relies on: `shopify.idToken()`, `Authorization: Bearer` on the
// app's own requests (Remix data requests and form posts), `<ui-nav-menu>`, `shopify.toast`, and
// keeping the admin's URL and sidebar in step with the app's page.
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

  // The admin keeps its own URL and sidebar in step with the page the app shows: tell the admin
  // preview (the parent page, on the stand-in's origin) where the app is and which links its
  // <ui-nav-menu> holds, on load and after every client-side navigation.
  function reportLocation() {
    if (window.parent === window) return;
    var links = [];
    var menu = document.querySelector("ui-nav-menu");
    if (menu)
      menu.querySelectorAll("a[href]").forEach(function (a) {
        links.push({ label: a.textContent.trim(), path: new URL(a.getAttribute("href"), location.href).pathname });
      });
    window.parent.postMessage({ type: "rapport-standin:location", path: location.pathname, links: links }, standin);
  }
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      var result = original.apply(this, arguments);
      setTimeout(reportLocation, 0);
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);
  if (document.readyState === "complete") setTimeout(reportLocation, 0);
  else window.addEventListener("load", reportLocation);

  // A click on one of the app's links in the admin's sidebar: as App Bridge does, dispatch
  // `shopify:navigate` on the matching <ui-nav-menu> link, which the app's AppProvider turns into a
  // client-side navigation (no reload, the session token stays).
  // The app listens for `shopify:navigate` only once React has hydrated (AppProvider's effect), which can
  // come after the load event that shows its links in the sidebar: a click before then waits for it.
  var navigateListeners = 0;
  var pendingPath = null;
  var addListener = window.addEventListener;
  var removeListener = window.removeEventListener;
  window.addEventListener = function (type) {
    var result = addListener.apply(this, arguments);
    if (type === "shopify:navigate") {
      navigateListeners += 1;
      if (pendingPath !== null) {
        var path = pendingPath;
        pendingPath = null;
        setTimeout(function () {
          navigateTo(path);
        }, 0);
      }
    }
    return result;
  };
  window.removeEventListener = function (type) {
    if (type === "shopify:navigate") navigateListeners = Math.max(0, navigateListeners - 1);
    return removeListener.apply(this, arguments);
  };
  function navigateTo(path) {
    if (navigateListeners === 0) {
      pendingPath = path;
      return;
    }
    var menu = document.querySelector("ui-nav-menu");
    var target = null;
    if (menu)
      menu.querySelectorAll("a[href]").forEach(function (a) {
        if (new URL(a.getAttribute("href"), location.href).pathname === path) target = a;
      });
    if (target) target.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
  }
  addListener.call(window, "message", function (event) {
    var data = event.data;
    if (event.origin !== standin || !data || data.type !== "rapport-standin:navigate") return;
    navigateTo(data.path);
  });

  // <ui-nav-menu> holds the app's links; the admin shows them in its sidebar and nothing inside the app.
  // Only when the app is opened outside the admin preview does this show them as a bar.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        connectedCallback() {
          this.style.cssText =
            window.parent === window
              ? "display:flex;gap:16px;padding:8px 16px;background:#ebebeb;border-bottom:1px solid #d4d4d4;font:14px system-ui"
              : "display:none";
          this.setAttribute("data-standin", "nav");
          setTimeout(reportLocation, 0);
        }
      },
    );
  }
})();
