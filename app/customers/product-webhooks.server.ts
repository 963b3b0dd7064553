import { z } from "zod";
import prisma from "../db.server";
import { InvalidPayloadError } from "../lib/errors";
import { toMinorUnits } from "../lib/money";
import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { describe } from "./order-command";

const ProductPayload = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]),
  title: z.string().min(1),
  handle: z.string().min(1),
  status: z.string().default("active"),
  variants: z.array(z.object({ price: z.union([z.string(), z.number()]) })).default([]),
  image: z.object({ src: z.string() }).nullish(),
});

/** products/create and products/update: the catalogue recommendations draw from. */
export async function onProductUpsert({ shop, topic, payload }: WebhookContext): Promise<void> {
  const parsed = ProductPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  const p = parsed.data;
  const currency = (await prisma.shop.findUnique({ where: { shop } }))?.currencyCode ?? "USD";
  let priceMinor: number;
  try {
    priceMinor = Math.min(...p.variants.map((v) => toMinorUnits(v.price, currency)), Number.MAX_SAFE_INTEGER);
  } catch (error) {
    throw new InvalidPayloadError(topic, (error as Error).message);
  }
  const shopifyId = `gid://shopify/Product/${p.id}`;
  const fields = {
    handle: p.handle,
    title: p.title,
    status: p.status.toUpperCase(),
    imageUrl: p.image?.src ?? null,
    priceMinor: priceMinor === Number.MAX_SAFE_INTEGER ? 0 : priceMinor,
  };
  await prisma.product.upsert({ where: { shop_shopifyId: { shop, shopifyId } }, create: { shop, shopifyId, ...fields }, update: fields });
}

/** products/delete: the product leaves the catalogue (past purchases of it stay in histories). */
export async function onProductDelete({ shop, topic, payload }: WebhookContext): Promise<void> {
  const parsed = z.object({ id: z.union([z.number(), z.string()]) }).safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  await prisma.product.deleteMany({ where: { shop, shopifyId: `gid://shopify/Product/${parsed.data.id}` } });
}
