import { z } from "zod";
import { isGid, toGid } from "../lib/gid";

/** The events the Rapport pixel subscribes to. */
export const PIXEL_EVENTS = ["product_viewed", "product_added_to_cart", "checkout_completed"] as const;

const legacyOrGid = (kind: "Customer" | "Product") =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = String(v);
    if (isGid(text, kind)) return text.replace(/\?.*$/, "");
    if (/^\d{1,20}$/.test(text)) return toGid(kind, text);
    ctx.addIssue({ code: "custom", message: `must be a ${kind} id` });
    return z.NEVER;
  });

const PixelEvent = z.object({
  /** Shopify's event id: a re-sent event is kept once. */
  id: z.string().min(1).max(128),
  name: z.enum(PIXEL_EVENTS),
  timestamp: z.coerce.date(),
  productId: legacyOrGid("Product").nullish(),
  customerId: legacyOrGid("Customer").nullish(),
});

/**
 * A batch the pixel posts: the shop, the visitor (`_rapport_vid`), the shopper's consent as the
 * Customer Privacy API reports it, the signed-in customer if any, and up to 50 events.
 * @example { shop: "x.myshopify.com", visitorId: "v_1", consent: { analytics: true }, events: [{ id: "e1", name: "product_viewed", timestamp: "…", productId: "7" }] }
 */
export const PixelBatch = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a myshopify.com domain"),
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be a visitor id"),
  consent: z.object({ analytics: z.boolean() }),
  customerId: legacyOrGid("Customer").nullish(),
  events: z.array(PixelEvent).min(1).max(50),
});

export type PixelBatch = z.infer<typeof PixelBatch>;
