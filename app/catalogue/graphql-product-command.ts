import { z } from "zod";
import { normalizeTags } from "../customers/customer-command";
import { amount, gid, minor, text, timestamp } from "../webhooks/fields";
import { nodesOf } from "../webhooks/graphql-fields";
import { parsePayload } from "../webhooks/parse-payload";
import type { ProductCommand } from "./product-command";

const GqlVariant = z.object({
  id: gid("ProductVariant"),
  title: text(255).nullish(),
  sku: text(255).nullish(),
  price: amount,
  compareAtPrice: amount.nullish(),
  inventoryQuantity: z.number().int().min(-1_000_000_000).max(1_000_000_000).nullish(),
  inventoryPolicy: z.string().max(32).nullish(),
});

const GqlProduct = z.object({
  id: gid("Product"),
  title: text(1000).pipe(z.string().min(1, "must not be empty")),
  handle: text(1000).pipe(z.string().min(1, "must not be empty")),
  status: z.string().max(32),
  vendor: text(255).nullish(),
  productType: text(255).nullish(),
  tags: z.array(text(255)).max(250).nullish(),
  publishedAt: timestamp.nullish(),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp,
  totalInventory: z.number().int().nullish(),
  featuredMedia: z
    .object({ image: z.object({ url: text(2000) }).nullish() })
    .passthrough()
    .nullish(),
  rating: z.object({ value: text(500) }).nullish(),
  ratingCount: z.object({ value: text(50) }).nullish(),
  variants: nodesOf(GqlVariant),
  collections: nodesOf(z.object({ id: gid("Collection"), title: text(255) })),
});

/**
 * A GraphQL product (bulk JSONL reassembled, or a reconcile page) → the ProductCommand products/*
 * webhooks make, plus what only GraphQL knows: collections and the `reviews.rating` metafield.
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseGraphqlProduct(node: unknown, currencyCode: string, source = "bulk/products"): ProductCommand {
  const command = GqlProduct.transform((p, ctx): ProductCommand => {
    const variants = p.variants.map((v, i) => ({
      variantGid: v.id,
      title: v.title ?? "Default Title",
      sku: v.sku || null,
      priceMinor: minor(ctx, v.price, currencyCode, `variants.${i}.price`),
      compareAt: v.compareAtPrice != null ? minor(ctx, v.compareAtPrice, currencyCode, `variants.${i}.compareAtPrice`) : null,
      inventoryQuantity: v.inventoryQuantity ?? null,
      available: v.inventoryQuantity == null || v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE",
    }));
    const cheapest = [...variants].sort((a, b) => a.priceMinor - b.priceMinor)[0];
    return {
      productGid: p.id,
      handle: p.handle,
      title: p.title,
      productType: p.productType || null,
      vendor: p.vendor || null,
      tags: normalizeTags(p.tags ?? []),
      status: p.status.toUpperCase(),
      publishedAt: p.publishedAt ?? null,
      priceMinor: cheapest?.priceMinor ?? 0,
      compareAtPriceMinor: cheapest?.compareAt ?? null,
      imageUrl: p.featuredMedia?.image?.url ?? null,
      totalInventory: p.totalInventory ?? null,
      available: variants.length === 0 || variants.some((v) => v.available),
      variants: variants.map(({ compareAt: _compareAt, ...v }) => v),
      collections: p.collections.map((c) => ({ collectionGid: c.id, title: c.title })),
      rating: ratingOf(p.rating?.value, p.ratingCount?.value),
      createdAt: p.createdAt ?? null,
      updatedAt: p.updatedAt,
    };
  });
  return parsePayload(command, node, source);
}

/** Shopify's `rating` metafield is JSON: `{"value":"4.5","scale_min":"1.0","scale_max":"5.0"}`; normalised to 0–5. */
export function ratingOf(value: string | undefined, count: string | undefined): ProductCommand["rating"] {
  if (!value) return null;
  try {
    const rating = JSON.parse(value) as { value?: string; scale_min?: string; scale_max?: string };
    const v = Number(rating.value);
    const min = Number(rating.scale_min ?? 0);
    const max = Number(rating.scale_max ?? 5);
    if (!Number.isFinite(v) || !(max > min)) return null;
    const n = Number(count);
    return { value: Math.round(((v - min) / (max - min)) * 5 * 100) / 100, count: Number.isInteger(n) && n >= 0 ? n : null };
  } catch {
    return null;
  }
}
