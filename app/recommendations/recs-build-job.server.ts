import prisma from "../db.server";
import type { JobHandler } from "../jobs/job";
import { enqueueJob } from "../jobs/queue.server";
import type { Tx } from "../db.server";
import { setMetafields, type DesiredMetafield } from "../metafields/set-metafields.server";
import type { CatalogueProduct } from "./engine/model";
import { buildRecsModelInThreads } from "./build-model-threads.server";
import type { ListEntry } from "./build-lists";
import { buildListsInThreads } from "./build-lists-threads.server";
import { readSettings } from "./settings.server";
import { readPurchases } from "./read-purchases.server";

/** One live build per shop: new orders within the debounce fold into the queued build. */
export const recsBuildKey = (shop: string) => `recs-build:${shop}`;

/** Lists written to app-owned metafields (zero-JS Liquid rendering): this many products each. */
export const METAFIELD_LIST_LENGTH = 8;
export const RECS_NAMESPACE = "$app:recommendations";

/**
 * Orders arriving within this window fold into one rebuild: a burst of 1,000 orders rebuilds once,
 * five minutes after the first, instead of 1,000 times (a large store's build takes tens of seconds).
 */
export const RECS_DEBOUNCE_MS = 5 * 60_000;

/**
 * Queues a rebuild under the shop's key: due at once after a backfill or a rules change, debounced
 * (`RECS_DEBOUNCE_MS`) when orders arrive. A build already queued absorbs the call; a build already
 * running sees the orders that arrived meanwhile when it ends and runs again (see buildRecommendations).
 * @example await queueRecsBuild(tx, shop, RECS_DEBOUNCE_MS)
 */
export async function queueRecsBuild(db: Tx, shop: string, delayMs = 0): Promise<void> {
  await enqueueJob(db, { kind: "recs-build", shop, key: recsBuildKey(shop), runAt: new Date(Date.now() + delayMs) });
}

/**
 * The recs-build job: reads the shop's catalogue, purchases and views, builds the model off the request
 * path, replaces the shop's precomputed lists, bumps the version (caches invalidate) and records the
 * metafield lists the sync job pushes to Shopify within its throttle.
 */
export const buildRecommendations: JobHandler = async ({ job, progress }) => {
  const shop = job.shop!;
  const now = Date.now();
  const startedAt = new Date(now);
  const [rows, purchases, views, settings] = await Promise.all([
    prisma.product.findMany({ where: { shop, deletedAt: null }, include: { collections: { select: { collectionGid: true } } } }),
    readPurchases(shop),
    prisma.interaction.findMany({
      where: { shop, kind: "view", at: { gte: new Date(now - 90 * 86_400_000) } },
      select: { customerGid: true, visitorId: true, productGid: true, at: true },
    }),
    readSettings(shop),
  ]);
  const dismissals = await prisma.interaction.findMany({
    where: { shop, kind: "dismiss", customerGid: { not: null } },
    select: { customerGid: true, productGid: true },
  });
  const dismissedBy = new Map<string, string[]>();
  for (const d of dismissals) dismissedBy.set(d.customerGid!, [...(dismissedBy.get(d.customerGid!) ?? []), d.productGid]);
  const currencyCode = (await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }))?.currencyCode ?? "USD";
  const products: CatalogueProduct[] = rows.map((p) => ({
    id: p.productGid,
    title: p.title,
    productType: p.productType,
    vendor: p.vendor,
    tags: p.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    collections: p.collections.map((c) => c.collectionGid),
    available: p.status === "ACTIVE" && p.available,
    rating: p.ratingValue,
    createdAt: (p.shopifyCreatedAt ?? p.updatedAt).getTime(),
  }));
  const model = await buildRecsModelInThreads({
    products,
    purchases,
    views: views
      .filter((v) => v.customerGid ?? v.visitorId)
      .map((v) => ({ viewerId: (v.customerGid ?? v.visitorId)!, productId: v.productGid, at: v.at.getTime() })),
    now,
  });
  await progress({
    done: 1,
    total: 3,
    message: `model: ${products.length} products, ${purchases.lines} purchases, ${views.length} views`,
  });
  const builtAt = new Date(now);
  const cards = new Map(rows.map((p) => [p.productGid, p]));
  const lists: { shop: string; subject: string; items: string; builtAt: Date }[] = [];
  const metafields: DesiredMetafield[] = [];
  // The customers' lists are ranked in worker threads while this thread ranks the products' (the same
  // lists as buildLists, in the same order), and the generator gives the event loop a turn every 20 ms:
  // the process that runs this job — by default the app itself — keeps acknowledging webhooks and
  // answering the storefront while a large store's lists are built.
  for await (const [subject, entries] of buildListsInThreads(model, settings.rules, now, dismissedBy)) {
    lists.push({ shop, subject, items: JSON.stringify(entries.map((e) => card(e, cards.get(e.id), currencyCode))), builtAt });
    const [kind, owner, strategy] = subjectParts(subject);
    const key =
      strategy === "bought-together" ? "bought_together" : strategy === "similar" ? "similar" : strategy === "for-you" ? "for_you" : null;
    if (kind !== "shop" && key) {
      metafields.push({
        ownerGid: owner,
        namespace: RECS_NAMESPACE,
        key,
        type: "list.product_reference",
        value: JSON.stringify(entries.slice(0, METAFIELD_LIST_LENGTH).map((e) => e.id)),
      });
    }
  }
  // Each available product's own card, for recently-viewed (a session's views are product ids only).
  for (const p of rows) {
    if (p.status === "ACTIVE" && p.available)
      lists.push({
        shop,
        subject: cardSubject(p.productGid),
        items: JSON.stringify([card({ id: p.productGid, why: "You viewed this recently" }, p, currencyCode)]),
        builtAt,
      });
  }
  await progress({ done: 2, total: 3, message: `${lists.length} lists` });
  await prisma.$transaction(
    async (tx) => {
      await tx.recommendationList.deleteMany({ where: { shop } });
      for (let i = 0; i < lists.length; i += 500) await tx.recommendationList.createMany({ data: lists.slice(i, i + 500) });
      await tx.recommendationBuild.upsert({
        where: { shop },
        create: { shop, version: 1, builtAt },
        update: { version: { increment: 1 }, builtAt },
      });
      // Small chunks: setMetafields reads the owners with one IN list, and SQLite caps bound parameters.
      for (let i = 0; i < metafields.length; i += 200) await setMetafields(tx, shop, metafields.slice(i, i + 200));
    },
    { timeout: 120_000 },
  );
  await progress({ done: 3, total: 3, message: "lists served" });
  // Orders recorded while this build read and wrote found it running (their queue call added nothing):
  // run again for them rather than wait for the schedule.
  const missed = await prisma.order.count({ where: { shop, updatedAt: { gte: startedAt } } });
  if (missed > 0) return { again: new Date(Date.now() + RECS_DEBOUNCE_MS) };
};

function subjectParts(subject: string): [string, string, string] {
  const first = subject.indexOf(":");
  const last = subject.lastIndexOf(":");
  return [subject.slice(0, first), subject.slice(first + 1, last), subject.slice(last + 1)];
}

/** What a card shows, stored with the list so serving reads nothing else. */
export interface StoredCard extends ListEntry {
  handle: string;
  title: string;
  priceMinor: string;
  currencyCode: string;
  imageUrl: string | null;
}

export const cardSubject = (productGid: string) => `product:${productGid}:card`;

function card(
  entry: ListEntry,
  p: { handle: string; title: string; priceMinor: bigint; imageUrl: string | null } | undefined,
  currencyCode: string,
): StoredCard {
  return {
    ...entry,
    currencyCode,
    handle: p?.handle ?? "",
    title: p?.title ?? "",
    priceMinor: String(p?.priceMinor ?? 0n),
    imageUrl: p?.imageUrl ?? null,
  };
}
