import express from "express";
import { decimalOf, minorOf } from "../money";
import { placeOrder } from "../mutations";
import type { StandinContext } from "../context";
import type { StandinCustomer, StandinOrder, StandinProduct, StandinShop } from "../store";
import type { PixelOrder, PixelProduct } from "./pixel-events";

/** What the checkout needs from the preview's router. */
export interface CheckoutDeps {
  customerOf(req: express.Request): StandinCustomer | null;
  cartOf(req: express.Request): number[];
  cartCookie: string;
  render(req: express.Request, res: express.Response, template: string, locals: Record<string, unknown>): Promise<void>;
}

/** A product as the pixel's standard events describe it. */
export function pixelProduct(p: StandinProduct): PixelProduct {
  const v = p.variants[0]!;
  return { id: p.id, variantId: v.id, title: p.title, url: `/products/${p.handle}`, sku: v.sku, price: v.price };
}

function orderFrom(ctx: StandinContext, shop: StandinShop, customer: StandinCustomer | null, products: StandinProduct[]): StandinOrder {
  const now = ctx.store.stamp();
  const lineItems = products.map((p) => ({
    id: ctx.store.nextId(),
    productId: p.id,
    variantId: p.variants[0]!.id,
    sku: p.variants[0]!.sku,
    title: p.title,
    variantTitle: null,
    quantity: 1,
    price: p.variants[0]!.price,
  }));
  const total = decimalOf(lineItems.reduce((sum, l) => sum + minorOf(l.price), 0));
  const number = 90_000 + shop.orders.size;
  const address = { country: "United Kingdom", countryCode: "GB" };
  return {
    id: ctx.store.nextId(),
    name: `#${number}`,
    orderNumber: number,
    email: customer?.email ?? null,
    customerId: customer?.id ?? null,
    currency: shop.currencyCode,
    createdAt: now,
    processedAt: now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    financialStatus: "paid",
    fulfillmentStatus: null,
    sourceName: "web",
    test: false,
    lineItems,
    refunds: [],
    subtotalPrice: total,
    totalDiscounts: "0.00",
    totalShipping: "0.00",
    totalTax: decimalOf(Math.round(minorOf(total) / 6)),
    totalPrice: total,
    country: address.country,
    shippingAddress: { ...address },
    billingAddress: { ...address },
    locationId: null,
    staffMemberId: null,
  } as StandinOrder;
}

/**
 * The preview's checkout: `POST /checkout` turns the cart into a paid order (orders/create and
 * orders/paid go to the app as from Shopify) and shows its thank-you page, where the pixel sandbox
 * publishes checkout_completed.
 */
export function checkoutRouter(ctx: StandinContext, deps: CheckoutDeps): express.Router {
  const router = express.Router();
  const shopOf = () => ctx.store.requireShop(ctx.defaultShop);
  router.post("/checkout", (req, res) => {
    const products = deps.cartOf(req).flatMap((id) => shopOf().products.get(id) ?? []);
    if (products.length === 0) return void res.redirect(303, "/cart");
    const order = placeOrder(ctx.store, ctx.defaultShop, orderFrom(ctx, shopOf(), deps.customerOf(req), products));
    res.clearCookie(deps.cartCookie, { path: "/" });
    res.redirect(303, `/checkout/thank-you/${order.id}`);
  });
  router.get("/checkout/thank-you/:id", (req, res, next) => {
    const order = shopOf().orders.get(Number(req.params.id));
    if (!order) return void res.status(404).send("Order not found");
    const pixelOrder: PixelOrder = {
      id: order.id,
      customerId: order.customerId,
      email: order.email,
      total: order.totalPrice,
      lines: order.lineItems.flatMap((l) =>
        l.productId && shopOf().products.get(l.productId) ? [pixelProduct(shopOf().products.get(l.productId)!)] : [],
      ),
    };
    void deps
      .render(req, res, "thank-you", {
        order: { name: order.name, total_price: minorOf(order.totalPrice) },
        pixel_order: pixelOrder,
        page_title: "Thank you",
      })
      .catch(next);
  });
  return router;
}
