// Shopify's standard customer events as the pixel sandbox delivers them (shopify.dev → Web Pixels API →
// standard events), for the storefront preview. Ids are Shopify's numeric strings, as in the sandbox.

/** The page's product as the preview renders it. */
export interface PixelProduct {
  id: number;
  variantId: number;
  title: string;
  url: string;
  sku: string;
  /** Decimal string in the shop currency. */
  price: string;
}

/** A completed checkout on the thank-you page. */
export interface PixelOrder {
  id: number;
  customerId: number | null;
  email: string | null;
  total: string;
  lines: PixelProduct[];
}

const money = (amount: string, currencyCode: string) => ({ amount: Number(amount), currencyCode });
const base = (name: string, id: string, at: Date) => ({ id, name, type: "standard", timestamp: at.toISOString(), clientId: "" });

function variant(p: PixelProduct, currency: string) {
  return {
    id: String(p.variantId),
    title: p.title,
    sku: p.sku,
    price: money(p.price, currency),
    product: { id: String(p.id), title: p.title, url: p.url, vendor: "", type: "" },
  };
}

/** product_viewed: a product page was shown. */
export const productViewed = (p: PixelProduct, currency: string, id: string, at = new Date()) => ({
  ...base("product_viewed", id, at),
  data: { productVariant: variant(p, currency) },
});

/** product_added_to_cart: one unit of the product went into the cart. */
export const productAddedToCart = (p: PixelProduct, currency: string, id: string, at = new Date()) => ({
  ...base("product_added_to_cart", id, at),
  data: { cartLine: { quantity: 1, merchandise: variant(p, currency), cost: { totalAmount: money(p.price, currency) } } },
});

/** checkout_completed: the thank-you page of an order. Its id is the order's, so a reload is the same event. */
export const checkoutCompleted = (o: PixelOrder, currency: string, at = new Date()) => ({
  ...base("checkout_completed", `sh-checkout-${o.id}`, at),
  data: {
    checkout: {
      currencyCode: currency,
      email: o.email,
      totalPrice: money(o.total, currency),
      lineItems: o.lines.map((l) => ({ quantity: 1, title: l.title, variant: variant(l, currency) })),
      order: { id: String(o.id), customer: o.customerId === null ? null : { id: String(o.customerId) } },
    },
  },
});
