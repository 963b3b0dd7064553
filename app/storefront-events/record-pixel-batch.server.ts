import prisma from "../db.server";
import { recordInteractions, type InteractionEvent } from "../interactions/record-interactions.server";
import { isKnownShop } from "../shops/known-shops.server";
import { PixelBatch } from "./pixel-batch";
import { takeVisitorTokens } from "./visitor-rate-limit";
import { stitchVisitor } from "./stitch-visitor.server";

export type PixelResult = { status: number; body: Record<string, unknown> };

/**
 * Applies a batch the pixel posted: validated; refused without analytics consent (nothing stored);
 * rate-limited per visitor; each event kept once by its id; views and cart adds recorded as
 * interactions; the visitor stitched to the customer when they are signed in or complete a checkout
 * (their earlier anonymous events become the customer's).
 * @example await recordPixelBatch(await request.json())
 */
export async function recordPixelBatch(input: unknown, now = Date.now()): Promise<PixelResult> {
  const parsed = PixelBatch.safeParse(input);
  if (!parsed.success) {
    return { status: 422, body: { errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])) } };
  }
  const batch = parsed.data;
  if (!batch.consent.analytics) return { status: 403, body: { error: "no analytics consent", recorded: 0 } };
  if (!(await isKnownShop(batch.shop))) return { status: 404, body: { error: "unknown shop" } };
  if (!takeVisitorTokens(`${batch.shop}|${batch.visitorId}`, batch.events.length, now)) {
    return { status: 429, body: { error: "too many events", recorded: 0 } };
  }
  const customerGid = batch.customerId ?? batch.events.find((e) => e.customerId)?.customerId ?? null;
  const interactions: InteractionEvent[] = batch.events.flatMap((e) =>
    e.name !== "checkout_completed" && e.productId
      ? [
          {
            eventId: e.id,
            customerGid,
            visitorId: batch.visitorId,
            productGid: e.productId,
            kind: e.name === "product_viewed" ? "view" : "cart_add",
            at: e.timestamp,
          },
        ]
      : [],
  );
  const recorded = await prisma.$transaction(async (tx) => {
    if (customerGid) await stitchVisitor(tx, batch.shop, batch.visitorId, customerGid);
    return recordInteractions(tx, batch.shop, interactions);
  });
  return { status: 200, body: { recorded, stitched: Boolean(customerGid) } };
}
