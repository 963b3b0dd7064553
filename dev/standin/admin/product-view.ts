import type { StandinCollection, StandinProduct, StandinVariant } from "../store";
import { gid } from "../store";
import { connection, type ConnectionArgs } from "./connection";
import { metafieldFields } from "./metafield-view";
import type { ViewContext } from "./view-context";

/**
 * Product, ProductVariant and Collection as Admin GraphQL serves them from the store: the catalogue
 * fields, `metafield(namespace:, key:)` (e.g. `reviews.rating`), variants and the collections that
 * hold the product.
 */
export function productView(v: ViewContext, p: StandinProduct) {
  const image = { url: p.imageUrl.startsWith("/") ? `${v.standinUrl}${p.imageUrl}` : p.imageUrl, altText: p.title };
  const prices = p.variants.map((x) => x.price).sort((a, b) => Number(a) - Number(b));
  const priceOf = (amount: string | undefined) => ({ amount: amount ?? "0.00", currencyCode: v.shop.currencyCode });
  return {
    __typename: "Product",
    id: gid("Product", p.id),
    legacyResourceId: String(p.id),
    title: p.title,
    handle: p.handle,
    status: p.status,
    descriptionHtml: p.bodyHtml,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
    onlineStoreUrl: `${v.standinUrl}/products/${p.handle}`,
    totalInventory: p.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
    featuredImage: image,
    featuredMedia: { __typename: "MediaImage", id: gid("MediaImage", p.id), image, alt: p.title, mediaContentType: "IMAGE" },
    priceRangeV2: { minVariantPrice: priceOf(prices[0]), maxVariantPrice: priceOf(prices.at(-1)) },
    ...metafieldFields(p, "PRODUCT", v.options),
    variants: (args: ConnectionArgs) =>
      connection(
        p.variants.map((variant) => variantView(v, p, variant)),
        args,
        v.options,
      ),
    collections: (args: ConnectionArgs) =>
      connection([...v.shop.collections.values()].filter((c) => c.productIds.includes(p.id)).map(collectionView), args, v.options),
  };
}

/** A product's variant, with its price, compare-at price, stock and inventory policy. */
export function variantView(v: ViewContext, p: StandinProduct, variant: StandinVariant) {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    sku: variant.sku,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    inventoryQuantity: variant.inventoryQuantity,
    inventoryPolicy: variant.inventoryPolicy,
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    displayName: `${p.title} - ${variant.title}`,
    product: () => productView(v, p),
  };
}

/** A collection as a product's `collections` connection lists it. */
export function collectionView(c: StandinCollection) {
  return {
    __typename: "Collection",
    id: gid("Collection", c.id),
    legacyResourceId: String(c.id),
    title: c.title,
    handle: c.handle,
  };
}
