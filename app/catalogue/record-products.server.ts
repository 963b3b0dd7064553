import { randomUUID } from "node:crypto";
import { countInSlices, inSlices } from "../lib/in-slices";
import type { Tx } from "../db.server";
import { isNewerVersion } from "../orders/order-version";
import type { ProductCommand, ProductDeleteCommand } from "./product-command";

/**
 * Brings catalogue products up to date inside the caller's transaction: a version never overwrites a
 * newer one, and a deleted product (a tombstone) is not brought back by a late products/update.
 * Variants are replaced with the product; collections and rating only when the source knew them.
 * @example await recordProducts(tx, shop, [parseRestProduct(payload, "GBP")])
 */
export async function recordProducts(tx: Tx, shop: string, commands: ProductCommand[]): Promise<number> {
  const latest = new Map<string, ProductCommand>();
  for (const c of commands) {
    const seen = latest.get(c.productGid);
    if (!seen || c.updatedAt > seen.updatedAt) latest.set(c.productGid, c);
  }
  if (latest.size === 0) return 0;
  const existing = await inSlices(latest.keys(), (slice) =>
    tx.product.findMany({
      where: { shop, productGid: { in: slice } },
      select: { id: true, productGid: true, sourceUpdatedAt: true, deletedAt: true },
    }),
  );
  const byGid = new Map(existing.map((row) => [row.productGid, row]));
  const written: { id: string; command: ProductCommand }[] = [];
  const created = [];
  for (const c of latest.values()) {
    const row = byGid.get(c.productGid);
    if (!row) {
      const id = randomUUID();
      created.push({ id, shop, productGid: c.productGid, ...fields(c) });
      written.push({ id, command: c });
    } else if (isNewerVersion(c.updatedAt, row.sourceUpdatedAt, true)) {
      // A version older than the deletion still updates the tombstone's fields (so that any arrival
      // order leaves the same tombstone), but never brings the product back.
      const tombstone = row.deletedAt && c.updatedAt <= row.deletedAt ? { status: "DELETED", available: false } : {};
      await tx.product.update({ where: { id: row.id }, data: { ...fields(c), ...tombstone } });
      written.push({ id: row.id, command: c });
    }
  }
  if (created.length) await tx.product.createMany({ data: created });
  if (written.length === 0) return 0;
  const replaced = written.map((w) => w.id);
  await countInSlices(replaced, (slice) => tx.productVariant.deleteMany({ where: { productId: { in: slice } } }));
  await tx.productVariant.createMany({
    data: written.flatMap(({ id, command }) => command.variants.map((v) => ({ id: randomUUID(), productId: id, shop, ...v }))),
  });
  const withCollections = written.filter((w) => w.command.collections !== undefined);
  if (withCollections.length) {
    await countInSlices(
      withCollections.map((w) => w.id),
      (slice) => tx.productCollection.deleteMany({ where: { productId: { in: slice } } }),
    );
    await tx.productCollection.createMany({
      data: withCollections.flatMap(({ id, command }) => command.collections!.map((c) => ({ productId: id, shop, ...c }))),
    });
  }
  return written.length;
}

/** products/delete: the product leaves the catalogue; past purchases of it stay in the histories. */
export async function recordProductDeletes(tx: Tx, shop: string, commands: ProductDeleteCommand[]): Promise<void> {
  for (const { productGid, at } of commands) {
    const row = await tx.product.findUnique({ where: { shop_productGid: { shop, productGid } }, select: { id: true, deletedAt: true } });
    if (!row)
      await tx.product.create({
        data: { id: randomUUID(), shop, productGid, handle: "", title: "", status: "DELETED", available: false, deletedAt: at },
      });
    else if (!row.deletedAt || row.deletedAt < at)
      await tx.product.update({ where: { id: row.id }, data: { status: "DELETED", available: false, deletedAt: at } });
  }
}

function fields(c: ProductCommand) {
  return {
    handle: c.handle,
    title: c.title,
    productType: c.productType,
    vendor: c.vendor,
    tags: c.tags,
    status: c.status,
    publishedAt: c.publishedAt,
    priceMinor: c.priceMinor,
    compareAtPriceMinor: c.compareAtPriceMinor,
    imageUrl: c.imageUrl,
    totalInventory: c.totalInventory,
    available: c.available,
    ...(c.rating !== undefined ? { ratingValue: c.rating?.value ?? null, ratingCount: c.rating?.count ?? null } : {}),
    shopifyCreatedAt: c.createdAt,
    sourceUpdatedAt: c.updatedAt,
  };
}
