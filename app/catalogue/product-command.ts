import { z } from "zod";
import { toGid } from "../lib/gid";
import { normalizeTags } from "../customers/customer-command";
import { amount, gid, legacyId, minor, text, timestamp } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";

/**
 * A product as the catalogue keeps it (recommendations, rules and segments read it), from products/*
 * webhooks, the backfill or reconciliation. Prices are minor units of the shop currency.
 */
export interface ProductCommand {
  productGid: string;
  handle: string;
  title: string;
  productType: string | null;
  vendor: string | null;
  tags: string;
  /** ACTIVE | DRAFT | ARCHIVED */
  status: string;
  publishedAt: Date | null;
  priceMinor: number;
  compareAtPriceMinor: number | null;
  imageUrl: string | null;
  totalInventory: number | null;
  available: boolean;
  variants: {
    variantGid: string;
    title: string;
    sku: string | null;
    priceMinor: number;
    inventoryQuantity: number | null;
    available: boolean;
  }[];
  /** Known only to GraphQL sources; undefined keeps what is stored. */
  collections?: { collectionGid: string; title: string }[];
  /** The `reviews.rating` metafield when the source read it; undefined keeps what is stored. */
  rating?: { value: number; count: number | null } | null;
  createdAt: Date | null;
  updatedAt: Date;
}

export interface ProductDeleteCommand {
  productGid: string;
  at: Date;
}

const RestVariant = z.object({
  id: legacyId,
  admin_graphql_api_id: gid("ProductVariant").nullish(),
  title: text(255).nullish(),
  sku: text(255).nullish(),
  price: amount,
  compare_at_price: amount.nullish(),
  inventory_quantity: z.number().int().min(-1_000_000_000).max(1_000_000_000).nullish(),
  inventory_policy: z.string().max(32).nullish(),
});

const RestProduct = z.object({
  id: legacyId,
  admin_graphql_api_id: gid("Product").nullish(),
  title: text(1000).pipe(z.string().min(1, "must not be empty")),
  handle: text(1000).pipe(z.string().min(1, "must not be empty")),
  product_type: text(255).nullish(),
  vendor: text(255).nullish(),
  tags: text(10000).nullish(),
  status: z.string().max(32).nullish(),
  published_at: timestamp.nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp,
  variants: z.array(RestVariant).max(2048).nullish(),
  image: z
    .object({ src: text(2000) })
    .passthrough()
    .nullish(),
});

/**
 * products/create and products/update → a ProductCommand. REST prices carry no currency: they are in
 * the shop's, which the caller passes.
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseRestProduct(payload: unknown, currencyCode: string, topic = "products/update"): ProductCommand {
  const command = RestProduct.transform((p, ctx): ProductCommand => {
    const variants = (p.variants ?? []).map((v, i) => ({
      variantGid: v.admin_graphql_api_id ?? toGid("ProductVariant", v.id),
      title: v.title ?? "Default Title",
      sku: v.sku || null,
      priceMinor: minor(ctx, v.price, currencyCode, `variants.${i}.price`),
      compareAt: v.compare_at_price != null ? minor(ctx, v.compare_at_price, currencyCode, `variants.${i}.compare_at_price`) : null,
      inventoryQuantity: v.inventory_quantity ?? null,
      available: v.inventory_quantity == null || v.inventory_quantity > 0 || v.inventory_policy === "continue",
    }));
    const cheapest = [...variants].sort((a, b) => a.priceMinor - b.priceMinor)[0];
    const tracked = variants.filter((v) => v.inventoryQuantity !== null);
    return {
      productGid: p.admin_graphql_api_id ?? toGid("Product", p.id),
      handle: p.handle,
      title: p.title,
      productType: p.product_type || null,
      vendor: p.vendor || null,
      tags: normalizeTags(p.tags ?? ""),
      status: (p.status ?? "active").toUpperCase(),
      publishedAt: p.published_at ?? null,
      priceMinor: cheapest?.priceMinor ?? 0,
      compareAtPriceMinor: cheapest?.compareAt ?? null,
      imageUrl: p.image?.src ?? null,
      totalInventory: tracked.length ? tracked.reduce((sum, v) => sum + Math.max(0, v.inventoryQuantity!), 0) : null,
      available: variants.length === 0 || variants.some((v) => v.available),
      variants: variants.map(({ compareAt: _compareAt, ...v }) => v),
      createdAt: p.created_at ?? null,
      updatedAt: p.updated_at,
    };
  });
  return parsePayload(command, payload, topic);
}

/** products/delete → a tombstone, versioned by the delivery's triggered-at. */
export function parseProductDelete(payload: unknown, at: Date, topic = "products/delete"): ProductDeleteCommand {
  const p = parsePayload(z.object({ id: legacyId, admin_graphql_api_id: gid("Product").nullish() }), payload, topic);
  return { productGid: p.admin_graphql_api_id ?? toGid("Product", p.id), at };
}
