import { describe, expect, it } from "vitest";
import { matchRows } from "./import-match";
import { addPrior, importPostings, NO_PRIOR_IMPORT } from "./import-plan";

const gid = "gid://shopify/Customer/1";
const row = (line: number, extra: Record<string, unknown> = {}) => ({
  line,
  ok: true as const,
  shopifyCustomerId: null,
  email: "ada@example.com",
  balance: 100,
  earned: 150,
  spent: 50,
  tierName: null,
  ...extra,
});

describe("import postings", () => {
  it("GIVEN no earlier import WHEN planned THEN earned and spent are posted under generation 1", () => {
    expect(importPostings("loyaltylion", gid, { earned: 150, spent: 50 }, NO_PRIOR_IMPORT)).toEqual([
      { customerGid: gid, points: 150, reason: "earn:import", idempotencyKey: `import:loyaltylion:${gid}:1:earned` },
      { customerGid: gid, points: -50, reason: "import:spent", idempotencyKey: `import:loyaltylion:${gid}:1:spent` },
    ]);
  });

  it("GIVEN what an earlier import posted WHEN the same or a corrected file is planned THEN only the difference is posted, under the next generation", () => {
    const prior = [
      { points: 150, reason: "earn:import", idempotencyKey: `import:loyaltylion:${gid}:1:earned` },
      { points: -50, reason: "import:spent", idempotencyKey: `import:loyaltylion:${gid}:1:spent` },
    ].reduce(addPrior, NO_PRIOR_IMPORT);
    expect(prior).toEqual({ earned: 150, spent: -50, generation: 1 });
    expect(importPostings("loyaltylion", gid, { earned: 150, spent: 50 }, prior)).toEqual([]);
    expect(importPostings("loyaltylion", gid, { earned: 140, spent: 60 }, prior)).toEqual([
      { customerGid: gid, points: -10, reason: "earn:import", idempotencyKey: `import:loyaltylion:${gid}:2:earned` },
      { customerGid: gid, points: -10, reason: "import:spent", idempotencyKey: `import:loyaltylion:${gid}:2:spent` },
    ]);
  });
});

describe("matching rows to customers", () => {
  const customers = {
    gids: new Set([gid, "gid://shopify/Customer/2", "gid://shopify/Customer/3"]),
    byEmail: new Map([
      ["ada@example.com", [gid]],
      ["twins@example.com", ["gid://shopify/Customer/2", "gid://shopify/Customer/3"]],
    ]),
  };
  const tiers = [{ id: "t-gold", name: "Gold" }];

  it("GIVEN ids, emails and tier names WHEN matched THEN customers are found case-insensitively and bad rows refused with reasons", () => {
    const rows = [
      row(2, { tierName: "gold" }),
      row(3, { email: "twins@example.com" }),
      row(4, { email: "who@example.com" }),
      row(5, { email: null, shopifyCustomerId: "2", tierName: "Platinum" }),
      row(6, { email: null, shopifyCustomerId: "99" }),
      { line: 7, ok: false as const, email: null, reason: "No email address or Shopify customer id to find the customer by" },
    ];
    expect(matchRows(rows, customers, tiers).map((r) => (r.ok ? [r.customerGid, r.tier] : r.reason))).toEqual([
      [gid, { id: "t-gold", name: "Gold" }],
      "2 customers share this email: add their Shopify customer ids to the file",
      "No customer with this email in this shop",
      'Unknown tier "Platinum" (tiers here: Gold)',
      "No customer with Shopify id 99 in this shop",
      "No email address or Shopify customer id to find the customer by",
    ]);
  });

  it("GIVEN one customer on two rows WHEN matched THEN both rows are refused", () => {
    const matched = matchRows([row(2), row(9, { email: null, shopifyCustomerId: "1" })], customers, tiers);
    expect(matched.map((r) => !r.ok && r.reason)).toEqual(["The same customer is on lines 2, 9", "The same customer is on lines 2, 9"]);
  });
});
