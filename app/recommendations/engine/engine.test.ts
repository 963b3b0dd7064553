import { describe, expect, it } from "vitest";
import { buildRecsModel, type CatalogueProduct, type PurchaseRecord } from "./model";
import { STRATEGIES, type RankInput } from "./strategies";
import { NO_RULES, rankBlock } from "./compose";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);
const product = (id: string, extra: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
  id,
  title: id,
  productType: null,
  vendor: null,
  tags: [],
  collections: [],
  available: true,
  rating: null,
  createdAt: 0,
  ...extra,
});
const order = (customerId: string, orderId: string, day: number, ...ids: string[]): PurchaseRecord[] =>
  ids.map((productId) => ({ customerId, orderId, productId, at: NOW - day * DAY }));
const input = (over: Partial<RankInput> = {}): RankInput => ({
  customerId: null,
  productId: null,
  sessionViews: [],
  cart: [],
  dismissed: [],
  now: NOW,
  limit: 4,
  ...over,
});
const ids = (model: ReturnType<typeof buildRecsModel>, list: { item: number }[]) => list.map((c) => model.products[c.item]!.id);

// A hand-made store: tea and a teapot are bought together far more than chance; coffee is everywhere.
const catalogue = [
  product("tea", { productType: "Drinks", tags: ["leaf"] }),
  product("teapot", { productType: "Kitchen", vendor: "Clay" }),
  product("coffee", { productType: "Drinks" }),
  product("mug", { productType: "Kitchen", vendor: "Clay" }),
  product("filter", { productType: "Kitchen" }),
  product("new-cup", { title: "Clay cup", productType: "Kitchen", vendor: "Clay", rating: 5 }),
];
const purchases = [
  ...order("ann", "o1", 90, "tea", "teapot", "coffee"),
  ...order("ann", "o2", 60, "tea", "coffee"),
  ...order("ann", "o3", 30, "tea", "coffee"),
  ...order("bob", "o4", 50, "tea", "teapot", "coffee"),
  ...order("bob", "o5", 20, "coffee", "mug"),
  ...order("cat", "o6", 10, "coffee", "filter"),
  ...order("cat", "o7", 2, "coffee", "mug"),
  ...order("dan", "o8", 40, "coffee", "filter"),
];
const model = buildRecsModel({
  products: catalogue,
  purchases,
  views: [
    { viewerId: "v1", productId: "mug", at: NOW },
    { viewerId: "v1", productId: "new-cup", at: NOW },
    { viewerId: "v2", productId: "mug", at: NOW },
    { viewerId: "v2", productId: "new-cup", at: NOW },
  ],
  now: NOW,
});

describe("strategies on a hand-made store", () => {
  it("GIVEN tea and teapot bought together twice WHEN bought-together for tea THEN teapot (lift) outranks ubiquitous coffee", () => {
    expect(ids(model, STRATEGIES["bought-together"](input({ productId: "tea" }), model))[0]).toBe("teapot");
  });

  it("GIVEN mug and the new cup viewed together WHEN similar for mug THEN the co-viewed cup leads, then content matches", () => {
    const list = ids(model, STRATEGIES.similar(input({ productId: "mug" }), model));
    expect(list[0]).toBe("new-cup");
    expect(list).toContain("teapot"); // same type and vendor
    // new-cup shares mug's type and vendor too: listed once, as the behavioural neighbour it is.
    expect(list.filter((id) => id === "new-cup")).toHaveLength(1);
  });

  it("GIVEN a new product nobody bought or viewed WHEN similar THEN the content fallback gives same-vendor, same-type products", () => {
    const fresh = buildRecsModel({
      products: [...catalogue, product("clay-bowl", { title: "Clay bowl", productType: "Kitchen", vendor: "Clay" })],
      purchases,
      now: NOW,
    });
    const list = ids(fresh, STRATEGIES.similar(input({ productId: "clay-bowl" }), fresh));
    expect(list.slice(0, 3).sort()).toEqual(["mug", "new-cup", "teapot"]);
  });

  it("GIVEN a session WHEN recently-viewed THEN latest first, repeats once", () => {
    expect(ids(model, STRATEGIES["recently-viewed"](input({ sessionViews: ["tea", "mug", "tea", "filter"] }), model))).toEqual([
      "filter",
      "tea",
      "mug",
    ]);
  });

  it("GIVEN ann buys tea every 30 days and last bought it 30 days ago WHEN buy-again THEN tea is due", () => {
    const list = STRATEGIES["buy-again"](input({ customerId: "ann" }), model);
    expect(ids(model, list)[0]).toBe("tea");
    expect(list[0]!.why).toBe("You buy this about every 30 days");
  });

  it("GIVEN recent coffee purchases WHEN trending THEN coffee leads", () => {
    expect(ids(model, STRATEGIES.trending(input(), model))[0]).toBe("coffee");
  });

  it("GIVEN two customers with different histories WHEN for-you THEN their lists differ and lead with their own repeat items", () => {
    const ann = ids(model, STRATEGIES["for-you"](input({ customerId: "ann" }), model));
    const dan = ids(model, STRATEGIES["for-you"](input({ customerId: "dan" }), model));
    expect(ann.slice(0, 2).sort()).toEqual(["coffee", "tea"]);
    expect(dan.slice(0, 2).sort()).toEqual(["coffee", "filter"]);
    expect(ann).not.toEqual(dan);
  });

  it("GIVEN a guest who viewed the mug WHEN for-you THEN the co-viewed cup comes first", () => {
    expect(ids(model, STRATEGIES["for-you"](input({ sessionViews: ["mug"] }), model))[0]).toBe("new-cup");
  });
});

describe("composition, exclusions and rules", () => {
  it("GIVEN an empty store WHEN a block is ranked THEN it is empty and says so", () => {
    const empty = buildRecsModel({ products: [], purchases: [], now: NOW });
    expect(rankBlock(input(), empty, { primary: "for-you", fallbacks: ["trending"] })).toEqual({
      products: [],
      strategy: null,
      heading: "none",
    });
  });

  it("GIVEN a new store with products but no orders WHEN a product page block is ranked THEN the content fallback fills it", () => {
    const fresh = buildRecsModel({ products: catalogue, purchases: [], now: NOW });
    const block = rankBlock(input({ productId: "mug" }), fresh, { primary: "bought-together", fallbacks: ["similar", "trending"] });
    expect(block.products.length).toBeGreaterThan(0);
    expect(block.strategy).toBe("similar");
  });

  it("GIVEN a guest WHEN the for-you block falls back to trending THEN the heading is not 'for you'", () => {
    const block = rankBlock(input(), model, { primary: "for-you", fallbacks: ["trending"] });
    expect(block.strategy).toBe("trending");
    expect(block.heading).toBe("trending_now");
    const ann = rankBlock(input({ customerId: "ann" }), model, { primary: "for-you", fallbacks: ["trending"] });
    expect(ann.heading).toBe("recommended_for_you");
  });

  it("GIVEN cart, dismissed, unavailable, just-bought and merchant exclusions WHEN ranked THEN none of them appear", () => {
    const store = buildRecsModel({
      products: catalogue.map((p) => (p.id === "filter" ? { ...p, available: false } : p)),
      purchases,
      now: NOW,
    });
    const block = rankBlock(
      input({ customerId: "cat", cart: ["tea"], dismissed: ["teapot"], limit: 10 }),
      store,
      { primary: "trending", fallbacks: [] },
      { ...NO_RULES, exclude: ["new-cup"] },
    );
    const shown = block.products.map((p) => p.id);
    // coffee is replenishable (bought again by customers) so cat still sees it; mug was just bought and is not.
    expect(shown).toEqual(["coffee"]);
  });

  it("GIVEN pin, boost by vendor and exclude by type WHEN ranked THEN the pin is first, Clay rises and Drinks vanish", () => {
    const rules = {
      ...NO_RULES,
      pin: ["filter"],
      boost: [{ field: "vendor" as const, value: "clay", factor: 100 }],
      excludeWhere: [{ field: "type" as const, value: "Drinks" }],
    };
    const block = rankBlock(input({ limit: 3 }), model, { primary: "trending", fallbacks: [] }, rules);
    expect(block.products[0]).toEqual({ id: "filter", strategy: "pinned", why: "Picked by the store" });
    expect(block.products.slice(1).map((p) => p.id)).toEqual(["mug", "teapot"]);
  });

  it("GIVEN equal candidates WHEN one is rated 5 THEN the rating boost ranks it first", () => {
    const rated = buildRecsModel({
      products: [product("a"), product("b", { rating: 5 })],
      purchases: [...order("x", "1", 1, "a", "b")],
      now: NOW,
    });
    expect(rankBlock(input(), rated, { primary: "trending", fallbacks: [] }).products.map((p) => p.id)).toEqual(["b", "a"]);
  });

  it("GIVEN a dismissed card WHEN the same shopper's block is ranked again THEN it is gone and the next one takes its place", () => {
    const before = rankBlock(input({ customerId: "ann", limit: 3 }), model, { primary: "for-you", fallbacks: ["trending"] });
    const first = before.products[0]!.id;
    const after = rankBlock(input({ customerId: "ann", limit: 3, dismissed: [first] }), model, {
      primary: "for-you",
      fallbacks: ["trending"],
    });
    expect(after.products.map((p) => p.id)).not.toContain(first);
    expect(after.products).toHaveLength(3);
  });
});
