import path from "node:path";
import { describe, expect, it } from "vitest";
import { blockSettings, readBlock, shopifyLiquid } from "../../../dev/standin/storefront/liquid";

const root = path.resolve("extensions/rapport-storefront");
const engine = shopifyLiquid(root, path.resolve("dev/standin/storefront/theme"), () => "GBP");
const routes = { root_url: "/", account_login_url: "/account/login", cart_url: "/cart" };
const render = (name: string, context: Record<string, unknown>, settings: Record<string, unknown> = {}) => {
  const block = readBlock(root, name);
  return engine.parseAndRender(block.source, {
    routes,
    block: { id: "b1", settings: blockSettings(block, settings), shopify_attributes: "" },
    ...context,
  });
};
/** A signed-in customer whose `$app:loyalty` metafields Liquid sees (as under a PUBLIC_READ definition). */
const member = (balance: number, progress?: Record<string, unknown>) => ({
  id: 7,
  first_name: "Ada",
  metafields: {
    "$app:loyalty": {
      balance: { value: balance, type: "number_integer" },
      ...(progress ? { progress: { value: progress, type: "json" } } : {}),
    },
  },
});

describe("loyalty launcher, Liquid first", () => {
  it("GIVEN a member with 320 points in Silver, £45 from Gold WHEN the page renders THEN balance, tier and progress are in the HTML, no script inline", async () => {
    const html = await render("loyalty-launcher", {
      customer: member(320, { tier: "Silver", next: "Gold", remaining: 4500, unit: "money" }),
    });
    expect(html).toMatch(/<span class="rapport-loyalty__count" data-rapport-balance>320<\/span>/);
    expect(html).toContain("Your tier: Silver");
    expect(html).toContain("£45.00 more to reach Gold");
    expect(html).toContain('<dialog class="rapport-loyalty__panel"');
    expect(html).toContain('aria-haspopup="dialog"');
    expect(html).not.toMatch(/<script(?! type="application\/json")/);
    expect(html).not.toContain("translation missing");
    expect(html).toMatch(/<option value="12">December<\/option>/);
  });

  it("GIVEN the JSON strings for the script WHEN rendered THEN they parse, every activity reason translated", async () => {
    const html = await render("loyalty-launcher", { customer: member(0) });
    const json = /<script type="application\/json" data-rapport-i18n>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const text = JSON.parse(json) as { reasons: Record<string, string>; earn: string };
    expect(text.reasons["earn:order"]).toBe("Order");
    expect(text.earn).toBe("Points for every {amount} you spend: {points}.");
  });

  it("GIVEN a member the mirror has not reached yet WHEN rendered THEN no count (nothing to shift later), the panel says 0", async () => {
    const html = await render("loyalty-launcher", { customer: { id: 8, first_name: "Bo", metafields: {} } });
    expect(html).not.toContain("rapport-loyalty__count");
    expect(html).toMatch(/<strong data-rapport-balance>0<\/strong>/);
  });

  it("GIVEN a guest WHEN rendered THEN how to join and a Sign in link to the login page, no redeem parts", async () => {
    const html = await render("loyalty-launcher", {});
    expect(html).toContain('href="/account/login"');
    expect(html).toContain("Sign in or create an account");
    expect(html).not.toContain("data-rapport-codes");
  });
});

describe("loyalty account block", () => {
  it("GIVEN a member WHEN the account page renders THEN balance and points-to-next-tier in Liquid", async () => {
    const html = await render("loyalty-account", {
      customer: member(1250, { tier: null, next: "Bronze", remaining: 250, unit: "points" }),
    });
    expect(html).toMatch(/<strong data-rapport-balance>1250<\/strong>/);
    expect(html).toContain("250 points more to reach Bronze");
    expect(html).not.toContain("Your tier");
  });
});

describe("storefront script budget", () => {
  it("GIVEN the extension's scripts WHEN measured THEN each is at most 10,000 bytes raw", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const scripts = readdirSync(path.join(root, "assets")).filter((f) => f.endsWith(".js"));
    expect(scripts).toContain("rapport-loyalty.js");
    for (const file of scripts) expect([file, statSync(path.join(root, "assets", file)).size <= 10_000]).toEqual([file, true]);
  });
});
