import { readFileSync } from "node:fs";
import path from "node:path";
import express from "express";
import type { StandinContext } from "../context";
import { mintSessionToken } from "../session-token";

const APP_BRIDGE_STANDIN = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "app-bridge-standin.js"), "utf8");

/**
 * The admin preview: an admin-like page that frames the embedded app the way the Shopify admin does
 * (embedded=1, shop, host, a fresh id_token), plus the session-token endpoint and the dev-only App
 * Bridge stand-in the framed app loads.
 */
export function adminPreviewRouter(ctx: StandinContext): express.Router {
  const router = express.Router();
  const tokenFor = (shop: string) => mintSessionToken({ shop, apiKey: ctx.app.apiKey, apiSecret: ctx.app.apiSecret });

  router.get("/app-bridge.js", (_req, res) => res.type("application/javascript").set("Cache-Control", "no-store").send(APP_BRIDGE_STANDIN));

  router.get("/admin/session-token", async (req, res) => {
    const shop = String(req.query.shop || ctx.defaultShop);
    res.set("Access-Control-Allow-Origin", ctx.app.url).set("Cache-Control", "no-store");
    if (!ctx.store.shops.has(shop)) return void res.status(404).json({ error: "unknown shop" });
    res.json({ token: await tokenFor(shop) });
  });

  router.get(["/admin/apps/rapport", "/admin/apps/rapport/*"], async (req, res) => {
    // The address names the shop, as the app will report it: no history entry is rewritten while loading.
    if (!req.query.shop) return void res.redirect(`${req.path}?shop=${encodeURIComponent(ctx.defaultShop)}`);
    const shop = String(req.query.shop);
    const store = ctx.store.shops.get(shop);
    if (!store) return void res.status(404).send("unknown shop");
    const section = req.path.replace(/^\/admin\/apps\/rapport\/?/, "");
    const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
    const query = new URLSearchParams({ embedded: "1", shop, host, id_token: await tokenFor(shop), locale: "en" });
    const src = `${ctx.app.url}/app${section ? `/${section}` : ""}?${query}`;
    res.type("html")
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport · ${store.name} · Shopify admin (stand-in)</title>
<style>body{margin:0;font:14px system-ui;background:#f1f1f1;display:grid;grid-template:48px 1fr/220px 1fr;height:100vh}
header{grid-column:1/3;background:#1a1a1a;color:#fff;display:flex;align-items:center;padding:0 16px;gap:12px}
aside{padding:16px;display:flex;flex-direction:column;gap:6px}aside a{color:#303030;text-decoration:none;padding:6px 8px;border-radius:6px}aside a.on{background:#fff;font-weight:600}
iframe{border:0;width:100%;height:100%;background:#f1f1f1}</style></head>
<body><header><strong>${store.name}</strong><span style="opacity:.6">Shopify admin · local stand-in</span></header>
<aside><a href="/">View storefront</a><span style="margin-top:12px;opacity:.6">Apps</span>
<nav id="app-nav" style="display:contents"><a data-section="" class="${section === "" ? "on" : ""}" href="/admin/apps/rapport?shop=${shop}">Rapport</a>
${section ? `<a data-section="${escapeHtml(section)}" class="on" href="/admin/apps/rapport/${escapeHtml(section)}?shop=${shop}">&nbsp;&nbsp;${escapeHtml(section)}</a>` : ""}</nav></aside>
<main><iframe name="app-iframe" title="Rapport" src="${src}"></iframe></main>
<script>${adminNavScript(new URL(ctx.app.url).origin, shop)}</script></body></html>`);
  });
  return router;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The preview's side of keeping in step (as the Shopify admin does with App Bridge): when the framed
 * app reports where it is, the address bar follows (`/admin/apps/rapport/<page>`) and the sidebar lists
 * the app's NavMenu links with the page shown highlighted.
 */
function adminNavScript(appOrigin: string, shop: string): string {
  return `(function () {
  var appOrigin = ${JSON.stringify(appOrigin)}, shop = ${JSON.stringify(shop)}, appReady = false;
  function sectionOf(path) { return path.replace(new RegExp("^/app/?"), "").replace(new RegExp("/$"), ""); }
  function hrefOf(section) { return "/admin/apps/rapport" + (section ? "/" + section : "") + "?shop=" + encodeURIComponent(shop); }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== appOrigin || !data || data.type !== "rapport-standin:location") return;
    appReady = true;
    var current = sectionOf(String(data.path));
    var nav = document.getElementById("app-nav");
    if (data.links && data.links.length) {
      nav.replaceChildren();
      data.links.forEach(function (link) {
        var a = document.createElement("a");
        var section = sectionOf(String(link.path));
        a.dataset.section = section;
        a.href = hrefOf(section);
        a.textContent = (section ? "\u00a0\u00a0" : "") + (section ? link.label : "Rapport");
        nav.appendChild(a);
      });
    }
    // As in the Shopify admin, the entry whose address is the longest prefix of the page's is highlighted
    // (a loyalty sub-page highlights "Loyalty"); the app's home only when nothing else matches.
    var best = "";
    nav.querySelectorAll("a").forEach(function (a) {
      var s = a.dataset.section || "";
      if (s && (current === s || current.indexOf(s + "/") === 0) && s.length > best.length) best = s;
    });
    nav.querySelectorAll("a").forEach(function (a) {
      var on = (a.dataset.section || "") === best;
      a.classList.toggle("on", on);
      if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    var href = hrefOf(current);
    if (location.pathname + location.search !== href) history.pushState(null, "", href);
  });
  // The app's links navigate inside the app (App Bridge's shopify:navigate); the preview's address
  // follows when the app reports where it is. Before the app has loaded, or on a modified click, the
  // link opens the address itself.
  document.getElementById("app-nav").addEventListener("click", function (event) {
    var a = event.target.closest("a[data-section]");
    var frame = document.querySelector("iframe[name=app-iframe]");
    if (!a || !frame || !appReady || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    var path = "/app" + (a.dataset.section ? "/" + a.dataset.section : "");
    frame.contentWindow.postMessage({ type: "rapport-standin:navigate", path: path }, appOrigin);
  });
})();`;
}
