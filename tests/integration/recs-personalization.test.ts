import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.personalization";
import { buildRecommendations } from "../../app/recommendations/recs-build-job.server";
import { DEFAULT_SETTINGS } from "../../app/recommendations/settings.server";
import { formFromSettings } from "../../app/recommendations/settings-form";
import type { JobContext } from "../../app/jobs/job";
import { adminDataRequest, givenInstalledSession, settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";
import { givenPurchaseOrder } from "../helpers/purchase-orders";

const args = (request: Request) => ({ request, params: {}, context: {} });
const P = (n: number) => `gid://shopify/Product/${n}`;
const save = async (form: Record<string, string>) => {
  const request = await adminDataRequest("/app/personalization", { method: "POST", body: new URLSearchParams(form) });
  return settle(() => action(args(request)));
};

async function givenBuiltStore() {
  for (const [i, title] of ["Green tea", "Clay teapot", "Coffee beans"].entries())
    await prisma.product.create({ data: { shop: SHOP, productGid: P(i + 1), handle: `p-${i + 1}`, title, priceMinor: 100 } });
  const at = new Date(Date.now() - 40 * 86_400_000); // older than the just-bought window
  for (const [n, customer, products] of [
    [1, 1, [1, 2]],
    [2, 2, [1, 2]],
    [3, 1, [3]],
  ] as const) {
    await givenPurchaseOrder({ shop: SHOP, n, customerGid: `gid://shopify/Customer/${customer}`, at, productGids: products.map(P) });
  }
  const context = {
    job: { id: "j", kind: "recs-build", shop: SHOP, payload: {}, attempts: 1, maxAttempts: 1 },
    progress: async () => true,
    signal: new AbortController().signal,
    log: console,
  };
  await buildRecommendations(context as unknown as JobContext);
}

describe("personalization page", () => {
  it("GIVEN a built store WHEN the merchant previews a customer and a product THEN each strategy's list comes with a one-line why", async () => {
    await givenInstalledSession();
    await givenBuiltStore();
    const page = await loader(args(await adminDataRequest("/app/personalization?customer=1&product=1")));
    const lists = Object.fromEntries(page.preview.map((l) => [l.strategy, l.items]));
    expect(Object.keys(lists)).toEqual(["for-you", "buy-again", "bought-together", "similar", "trending"]);
    expect(lists["bought-together"]![0]).toEqual({ id: P(2), title: "Clay teapot", why: "Often bought with Green tea" });
    expect(lists["for-you"]!.length).toBeGreaterThan(0);
    expect(lists["for-you"]!.every((i) => i.why.length > 0)).toBe(true);
    expect(page.form["product.primary"]).toBe("bought-together");
  });

  it("GIVEN new block settings and rules WHEN saved THEN they are stored and a rebuild is queued; an unknown strategy is refused with 422", async () => {
    await givenInstalledSession();
    const form = {
      ...formFromSettings(DEFAULT_SETTINGS),
      "home.primary": "trending",
      "home.fallbacks": "similar",
      boost: "vendor:Clay:1.5",
    };
    const saved = (await save(form)) as { saved: Record<string, string> };
    expect(saved.saved["home.primary"]).toBe("trending");
    const row = await prisma.recommendationBuild.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(JSON.parse(row.settings)).toMatchObject({
      blocks: { home: { primary: "trending", fallbacks: ["similar"] } },
      rules: { boost: [{ field: "vendor", value: "Clay", factor: 1.5 }] },
    });
    expect(await prisma.job.count({ where: { kind: "recs-build", shop: SHOP, status: "queued" } })).toBe(1);

    const refused = (await save({ ...form, "cart.primary": "magic" })) as Response;
    expect(refused.status).toBe(422);
    expect(JSON.parse(row.settings).blocks.cart.primary).toBe("bought-together");
  });
});
