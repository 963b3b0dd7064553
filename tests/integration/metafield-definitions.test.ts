import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { RECOMMENDATION_METAFIELDS, SEGMENT_METAFIELDS, metafieldKey } from "../../app/metafields/definitions";
import { appMetafieldDefinitions } from "../../app/metafields/app-definitions";
import { unauthenticated } from "../../app/shopify.server";
import { onInstalled } from "../../app/shops/on-installed.server";
import type { StandinShop } from "../../dev/standin/store";
import { givenInstalledSession } from "../helpers/admin-request";
import { drain } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { SHOP } from "../helpers/webhook-request";

// The install queues the app's metafield definitions as a job; the stand-in answers
// metafieldDefinitionCreate as Shopify does (TAKEN for a second definition of the same key).
let shop: StandinShop;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ shop, close } = await startStandinFor());
});
afterAll(() => close());

/** Installs (or re-installs) the app as afterAuth does, then lets the worker run what it queued. */
async function install() {
  const { admin } = await unauthenticated.admin(SHOP);
  await onInstalled({ shop: SHOP, admin });
  // Only the definitions job: the backfill it also queues is another test's subject.
  await prisma.job.deleteMany({ where: { kind: "backfill" } });
  await drain();
}

const definitionsInShopify = () =>
  [...shop.metafieldDefinitions.values()].map((d) => `${d.ownerType}|${d.namespace}.${d.key}|${d.storefront}`);

describe("metafield definitions on install", () => {
  it("GIVEN a fresh install WHEN its jobs run THEN every app definition exists in the shop with the storefront access it declares; a re-install duplicates nothing", async () => {
    await givenInstalledSession();
    shop.metafieldDefinitions.clear();
    await install();
    const expected = appMetafieldDefinitions().map((d) => `${d.ownerType}|${metafieldKey(d)}|${d.storefront ? "PUBLIC_READ" : "NONE"}`);
    expect(expected.length).toBeGreaterThanOrEqual(SEGMENT_METAFIELDS.length + RECOMMENDATION_METAFIELDS.length);
    expect(definitionsInShopify().sort()).toEqual(expected.sort());
    expect(definitionsInShopify()).toContain("CUSTOMER|$app:segments.membership|NONE");
    expect(definitionsInShopify()).toContain("PRODUCT|$app:recommendations.bought_together|PUBLIC_READ");
    expect(await prisma.job.findFirstOrThrow({ where: { kind: "metafield-definitions" } })).toMatchObject({ status: "done" });

    await install();
    expect(definitionsInShopify().sort()).toEqual(expected.sort());
    // The second run met TAKEN for each definition and counted it as done (a failed job would be retried forever).
    const runs = await prisma.job.findMany({ where: { kind: "metafield-definitions" }, select: { status: true, lastError: true } });
    expect(runs).toEqual([
      { status: "done", lastError: null },
      { status: "done", lastError: null },
    ]);
  });
});
