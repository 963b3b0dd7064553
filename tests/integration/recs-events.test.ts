import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action } from "../../app/routes/proxy.recommendations";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";

const post = async (body: unknown, customerId?: number) => {
  try {
    return await action({
      request: new Request(appProxyRequest("recommendations", { customerId }).url, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      }),
      params: {},
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};
const event = (id: string, kind: "impression" | "click", position: number) => ({
  id,
  kind,
  product: String(100 + position),
  surface: "home",
  strategy: "for-you",
  position,
  at: Date.now() - 1000,
});

describe("recommendation block impressions and clicks", () => {
  it("GIVEN a signed batch of two impressions and a click WHEN sent twice THEN each is recorded once with the block's context", async () => {
    const batch = {
      events: [
        event("impression-aaaa1111", "impression", 0),
        event("impression-bbbb2222", "impression", 1),
        event("click-cccc3333", "click", 1),
      ],
    };
    const first = await post(batch, 7);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: 3 });
    expect(await (await post(batch, 7)).json()).toEqual({ recorded: 0 });
    const rows = await prisma.recommendationEvent.findMany({ where: { shop: SHOP }, orderBy: { eventId: "asc" } });
    expect(rows.map((r) => [r.kind, r.productGid, r.position, r.strategy, r.surface, r.customerGid])).toEqual([
      ["click", "gid://shopify/Product/101", 1, "for-you", "home", "gid://shopify/Customer/7"],
      ["impression", "gid://shopify/Product/100", 0, "for-you", "home", "gid://shopify/Customer/7"],
      ["impression", "gid://shopify/Product/101", 1, "for-you", "home", "gid://shopify/Customer/7"],
    ]);
  });

  it("GIVEN a malformed batch WHEN sent THEN 400 and nothing is recorded", async () => {
    const response = await post({
      events: [{ ...event("impression-dddd4444", "impression", 0), strategy: "made-up" }],
      visitorId: "visitor-1234",
    });
    expect(response.status).toBe(400);
    expect(await prisma.recommendationEvent.count()).toBe(0);
  });
});
