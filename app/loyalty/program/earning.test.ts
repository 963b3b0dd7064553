import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM } from "../program";
import { totalClawback } from "../order-settlement";
import { earningFor, type EarningOrder } from "./earning";

const line = (totalMinor: bigint, extra: Partial<EarningOrder["lines"][number]> = {}) => ({
  totalMinor,
  productGid: null,
  giftCard: false,
  collectionGids: [],
  ...extra,
});
const order = (lines: EarningOrder["lines"], extra: Partial<EarningOrder> = {}): EarningOrder => ({
  currencyCode: "GBP",
  subtotalMinor: lines.reduce((s, l) => s + l.totalMinor, 0n),
  shippingMinor: 495n,
  taxMinor: 300n,
  lines,
  ...extra,
});

describe("earning rules", () => {
  it("GIVEN the default rules THEN merchandise after discounts earns, shipping, tax and gift cards do not", () => {
    const e = earningFor(order([line(2599n), line(5000n, { giftCard: true })]), DEFAULT_PROGRAM);
    expect(e).toEqual({ points: 25, basisMinor: 2599n, weightedBasis: 2599n * 10_000n, rate: 1 });
  });

  it("GIVEN shipping, tax and gift cards included THEN each joins the base at the normal rate", () => {
    const rules = { ...DEFAULT_PROGRAM, includeShipping: true, includeTax: true, includeGiftCards: true };
    expect(earningFor(order([line(2599n), line(5000n, { giftCard: true })]), rules)).toMatchObject({ points: 83, basisMinor: 8394n });
  });

  it("GIVEN a product at 200 %, a collection at 0 % and a Gold tier at 150 % THEN each line is weighted and the tier multiplies the whole", () => {
    const rules = {
      ...DEFAULT_PROGRAM,
      pointsPerCurrencyUnit: 2,
      multipliers: [
        { targetGid: "gid://shopify/Product/1", multiplierPct: 200 },
        { targetGid: "gid://shopify/Collection/9", multiplierPct: 0 },
        { targetGid: "gid://shopify/Collection/8", multiplierPct: 300 },
      ],
    };
    const lines = [
      line(1000n, { productGid: "gid://shopify/Product/1", collectionGids: ["gid://shopify/Collection/8"] }), // product rule wins: £20
      line(1000n, { productGid: "gid://shopify/Product/2", collectionGids: ["gid://shopify/Collection/9"] }), // £0
      line(1000n, { productGid: "gid://shopify/Product/3", collectionGids: ["gid://shopify/Collection/9", "gid://shopify/Collection/8"] }), // highest: £30
      line(1050n), // £10.50
    ];
    // (20 + 0 + 30 + 10.50) × 1.5 = £90.75 × 2 points = 181.5 → 181
    expect(earningFor(order(lines), rules, 150).points).toBe(181);
  });

  it("GIVEN a multiplied earning WHEN refunded in parts THEN the clawback uses the weighted snapshot never takes more than was earned", () => {
    const rules = { ...DEFAULT_PROGRAM, multipliers: [{ targetGid: "gid://shopify/Product/1", multiplierPct: 300 }] };
    const earning = earningFor(order([line(1000n, { productGid: "gid://shopify/Product/1" }), line(1000n)]), rules, 125);
    expect(earning.points).toBe(50); // (£30 + £10) × 1.25
    const earn = { ...earning };
    // Half the merchandise refunded: half the weighted base is left, 25 points kept.
    expect(totalClawback(earn, 1000n, "GBP")).toBe(25);
    // £3.33 refunded: 1,667/2,000 of the weighted base is left, ⌊41.675⌋ = 41 kept, 9 taken.
    expect(totalClawback(earn, 333n, "GBP")).toBe(9);
    expect(totalClawback(earn, 5000n, "GBP")).toBe(50);
  });
});
