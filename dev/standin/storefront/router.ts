import path from "node:path";
import express from "express";
import type { StandinContext } from "../context";
import type { StandinProduct, StandinShop } from "../store";
import { blockSettings, readBlock, shopifyLiquid } from "./liquid";
import { placeholderSvg } from "./placeholder-image";
import { forwardToAppProxy, PROXY_PREFIX } from "./app-proxy";
import { minorOf } from "../money";
import { metafieldsDrop } from "./metafields-drop";
import { checkoutRouter, pixelProduct } from "./pixel-checkout";
import type { PixelOrder, PixelProduct } from "./pixel-events";
import { pixelAssetsRouter, pixelTags } from "./pixel-sandbox";

const EXTENSION_ROOT = path.resolve("extensions/rapport-storefront");
const THEME_ROOT = path.resolve("dev/standin/storefront/theme");
const CUSTOMER_COOKIE = "standin_customer";
const CART_COOKIE = "standin_cart";
const DISCOUNT_COOKIE = "standin_discount";

/**
 * The dev shop's storefront as a minimal theme: home, product, cart and account pages rendering the
 * theme app extension's real blocks with liquidjs, a sign-in page (any demo customer's email, no
 * password check) and a "signed in as" switch, `/discount/CODE` links that put a code on the cart as
 * Shopify's do, and `/apps/rapport/*` forwarded to the app with Shopify's app-proxy signature.
 */
export function storefrontRouter(ctx: StandinContext): express.Router {
  const router = express.Router();
  const shopOf = (): StandinShop => ctx.store.requireShop(ctx.defaultShop);
  const engine = shopifyLiquid(EXTENSION_ROOT, THEME_ROOT, () => shopOf().currencyCode);
  const cookies = (req: express.Request) =>
    Object.fromEntries(
      (req.get("cookie") ?? "")
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => c.split("=").map(decodeURIComponent) as [string, string]),
    );
  const customerOf = (req: express.Request) => {
    const id = Number(cookies(req)[CUSTOMER_COOKIE]);
    return id ? (shopOf().customers.get(id) ?? null) : null;
  };
  const cartOf = (req: express.Request): number[] => (cookies(req)[CART_COOKIE] ?? "").split(".").map(Number).filter(Boolean);

  const page = async (req: express.Request, res: express.Response, template: string, locals: Record<string, unknown>) => {
    const shop = shopOf();
    const customer = customerOf(req);
    const cart = cartView(shop, cartOf(req), cookies(req)[DISCOUNT_COOKIE] ?? null);
    const orderCounts = ordersByCustomer(shop); // one pass over the orders per page
    const base = {
      shop: { name: shop.name, domain: shop.domain, currency: shop.currencyCode },
      customer: customer && {
        id: customer.id,
        first_name: customer.firstName,
        last_name: customer.lastName,
        email: customer.email,
        orders_count: orderCounts.get(customer.id) ?? 0,
        metafields: metafieldsDrop(shop, "CUSTOMER", customer.metafields, (gid) => productByGid(shop, gid)),
      },
      cart,
      routes: { root_url: "/", account_login_url: "/account/login", cart_url: "/cart" },
      template: { name: template },
      request: { design_mode: false, path: req.path },
      ...locals,
    };
    const assets = new Set<string>();
    const renderBlock = async (name: string, settings: Record<string, unknown> = {}) => {
      const block = readBlock(EXTENSION_ROOT, name);
      for (const asset of [block.schema.stylesheet, block.schema.javascript]) if (asset) assets.add(asset);
      return engine.parseAndRender(block.source, {
        ...base,
        block: { id: `${name}-1`, settings: blockSettings(block, settings), shopify_attributes: "" },
      });
    };
    const switchable_customers = [...orderCounts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .flatMap(([id, orders_count]) => {
        const c = shop.customers.get(id);
        return c ? [{ id, first_name: c.firstName, last_name: c.lastName, email: c.email, orders_count }] : [];
      });
    const recommendations_block = await renderBlock("recommended-products", {
      heading: template === "product" ? "You may also like" : "Recommended for you",
    });
    const app_embeds = await renderBlock("loyalty-launcher");
    const loyalty_account_block = template === "account" ? await renderBlock("loyalty-account") : "";
    const content_for_layout = await engine.renderFile(template, {
      ...base,
      recommendations_block,
      loyalty_account_block,
      switchable_customers,
    });
    const content_for_header = [...assets]
      .map((a) =>
        a.endsWith(".css")
          ? `<link rel="stylesheet" href="/extensions/rapport-storefront/assets/${a}">`
          : `<script src="/extensions/rapport-storefront/assets/${a}" defer></script>`,
      )
      .concat(
        pixelTags({
          shop: shop.domain,
          appUrl: ctx.app.url,
          currency: shop.currencyCode,
          customer: customer && { id: customer.id, email: customer.email, firstName: customer.firstName, lastName: customer.lastName },
          product: locals.pixel_product as PixelProduct | undefined,
          order: locals.pixel_order as PixelOrder | undefined,
        }),
      )
      .join("\n");
    res.type("html").send(
      await engine.renderFile("layout", {
        ...base,
        content_for_layout,
        content_for_header,
        app_embeds,
        switchable_customers,
        page_title: locals.page_title ?? template,
      }),
    );
  };

  router.use("/extensions/rapport-storefront/assets", express.static(path.join(EXTENSION_ROOT, "assets"), { maxAge: 0 }));
  router.get("/cdn/shop/products/:name", (req, res) =>
    res.type("image/svg+xml").set("Cache-Control", "public, max-age=86400").send(placeholderSvg(req.params.name)),
  );
  router.use(pixelAssetsRouter(), checkoutRouter(ctx, { customerOf, cartOf, cartCookie: CART_COOKIE, render: page }));
  router.all(`${PROXY_PREFIX}/*`, (req, res, next) =>
    forwardToAppProxy(ctx, ctx.defaultShop, customerOf(req)?.id ?? null, req, res).catch(next),
  );

  router.get("/", async (req, res, next) => {
    const products = [...shopOf().products.values()]
      .slice(-12)
      .reverse()
      .map((p) => productView(shopOf(), p));
    await page(req, res, "index", { products, page_title: "Home" }).catch(next);
  });
  router.get("/products/:handle", async (req, res, next) => {
    const product = [...shopOf().products.values()].find((p) => p.handle === req.params.handle);
    if (!product) return void res.status(404).send("Product not found");
    await page(req, res, "product", {
      product: productView(shopOf(), product),
      pixel_product: pixelProduct(product),
      page_title: product.title,
    }).catch(next);
  });
  router.get("/cart", (req, res, next) => void page(req, res, "cart", { page_title: "Cart" }).catch(next));
  router.post("/cart/add", express.urlencoded({ extended: false }), (req, res) => {
    const id = Number((req.body as { id?: string }).id);
    if (shopOf().products.has(id)) res.cookie(CART_COOKIE, [...cartOf(req), id].join("."), { path: "/" });
    res.redirect(303, "/cart");
  });
  router.get("/account", (req, res, next) => void page(req, res, "account", { page_title: "Account" }).catch(next));
  router.get("/account/login", (req, res, next) => void page(req, res, "login", { page_title: "Sign in", login_error: null }).catch(next));
  router.post("/account/login", express.urlencoded({ extended: false }), (req, res, next) => {
    const email = String((req.body as { email?: string }).email ?? "")
      .trim()
      .toLowerCase();
    const found = email ? [...shopOf().customers.values()].find((c) => c.email?.toLowerCase() === email) : undefined;
    if (!found) return void page(req, res.status(422), "login", { page_title: "Sign in", login_error: email }).catch(next);
    res.cookie(CUSTOMER_COOKIE, String(found.id), { path: "/" });
    res.redirect(303, "/account");
  });
  router.get("/account/logout", (_req, res) => {
    res.clearCookie(CUSTOMER_COOKIE, { path: "/" });
    res.redirect(303, "/");
  });
  // Shopify's shareable discount links: the code goes on the cart (a cookie), then on to `redirect`.
  router.get("/discount/:code", (req, res) => {
    res.cookie(DISCOUNT_COOKIE, req.params.code, { path: "/" });
    const to = String(req.query.redirect ?? "/");
    res.redirect(303, to.startsWith("/") && !to.startsWith("//") ? to : "/");
  });
  router.get("/account/switch", (req, res) => {
    const id = Number(req.query.customer_id);
    if (id && shopOf().customers.has(id)) res.cookie(CUSTOMER_COOKIE, String(id), { path: "/" });
    else res.clearCookie(CUSTOMER_COOKIE, { path: "/" });
    res.redirect(303, String(req.get("referer") ?? "/"));
  });
  return router;
}

function productView(shop: StandinShop, p: StandinProduct, depth = 0): Record<string, unknown> {
  const variant = p.variants[0]!;
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    url: `/products/${p.handle}`,
    sku: variant.sku,
    price: minorOf(variant.price),
    available: p.variants.some((v) => v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE"),
    featured_image: p.imageUrl,
    image: p.imageUrl,
    // Referenced products carry their own fields, not their references again (Liquid stops there too).
    metafields: depth === 0 ? metafieldsDrop(shop, "PRODUCT", p.metafields, (gid) => productByGid(shop, gid, depth + 1)) : {},
  };
}

/** A product reference (`gid://shopify/Product/1`) as Liquid resolves it, or null when it is gone. */
function productByGid(shop: StandinShop, gid: string, depth = 1): Record<string, unknown> | null {
  const match = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(gid);
  const product = match ? shop.products.get(Number(match[1])) : undefined;
  return product && product.status === "ACTIVE" ? productView(shop, product, depth) : null;
}

function cartView(shop: StandinShop, ids: number[], code: string | null) {
  const items = ids
    .map((id) => shop.products.get(id))
    .filter((p): p is StandinProduct => Boolean(p))
    .map((p) => ({ product_id: p.id, title: p.title, quantity: 1, line_price: minorOf(p.variants[0]!.price) }));
  // A code Shopify knows shows on the cart as a discount application; an unknown one is reported.
  const discount = code ? [...shop.discountCodes.values()].find((d) => d.code.toLowerCase() === code.toLowerCase()) : undefined;
  return {
    item_count: items.length,
    items,
    total_price: items.reduce((sum, i) => sum + i.line_price, 0),
    discount_applications: discount
      ? [{ type: "discount_code", title: discount.code, value: discount.value, value_type: discount.valueType }]
      : [],
    discount_code_rejected: code && !discount ? code : null,
  };
}

/** Orders per customer; the "signed in as" switch offers those with the most, worth previewing as. */
function ordersByCustomer(shop: StandinShop): Map<number, number> {
  const orders = new Map<number, number>();
  for (const o of shop.orders.values()) if (o.customerId !== null) orders.set(o.customerId, (orders.get(o.customerId) ?? 0) + 1);
  return orders;
}
