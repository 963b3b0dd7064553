import path from "node:path";
import { describe, expect, it } from "vitest";
import { blockSettings, readBlock, shopifyLiquid } from "../../../dev/standin/storefront/liquid";

const root = path.resolve("extensions/rapport-storefront");
const engine = shopifyLiquid(root, path.resolve("dev/standin/storefront/theme"), () => "GBP");
const block = readBlock(root, "recommended-products");
const pick = (id: number, title: string, price: number) => ({
  id: `gid://shopify/Product/${id}`,
  title,
  price,
  url: `/products/p${id}`,
  featured_image: `/img/${id}.jpg`,
});
const render = (context: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
  engine.parseAndRender(block.source, {
    routes: { root_url: "/" },
    block: { id: "b", settings: blockSettings(block, settings), shopify_attributes: "" },
    ...context,
  });

describe("recommended products block, zero-JS", () => {
  it("GIVEN a product whose bought_together metafield lists two products WHEN the page renders THEN both cards, priced by the theme's money filter, are in the HTML with an honest heading", async () => {
    const html = await render({
      template: { name: "product" },
      product: {
        id: 1,
        metafields: { "$app:recommendations": { bought_together: { value: [pick(2, "Clay teapot", 1250), pick(3, "Green tea", 499)] } } },
      },
    });
    expect(html).toContain('data-prerendered="true"');
    expect(html.match(/<li class="rapport-card" data-product-id=/g)).toHaveLength(2);
    expect(html).toContain("Clay teapot");
    expect(html).toContain("£12.50");
    expect(html).toContain('loading="lazy"');
    expect(html).toMatch(/<h2 class="rapport-recs__heading"[^>]*>Frequently bought together<\/h2>/);
    expect(html).not.toMatch(/<script/);
  });

  it("GIVEN two signed-in customers with different for_you lists WHEN the home page renders THEN each sees their own cards under 'Recommended for you'", async () => {
    const forCustomer = (picks: ReturnType<typeof pick>[]) =>
      render({ template: { name: "index" }, customer: { id: 9, metafields: { "$app:recommendations": { for_you: { value: picks } } } } });
    const a = await forCustomer([pick(4, "Clay mug", 800)]);
    const b = await forCustomer([pick(6, "Paper filter", 300)]);
    expect(a).toContain("Clay mug");
    expect(a).not.toContain("Paper filter");
    expect(b).toContain("Paper filter");
    expect(a).toMatch(/>Recommended for you<\/h2>/);
  });

  it("GIVEN a guest on the home page WHEN it renders THEN no cards are claimed and the script is told to fetch", async () => {
    const html = await render({ template: { name: "index" } });
    expect(html).toContain('data-prerendered="false"');
    expect(html).not.toContain('<li class="rapport-card" data-product-id=');
  });
});
