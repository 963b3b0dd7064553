import { describe, expect, it } from "vitest";
import { rewardOffer, type PerkTier } from "./reward-access";

const silver: PerkTier = { id: "s", name: "Silver", threshold: 10_000n, freeShipping: false };
const gold: PerkTier = { id: "g", name: "Gold", threshold: 100_000n, freeShipping: true };
const tiers = [silver, gold];

describe("reward offers by tier", () => {
  it("a tier-only reward is for its tier and the tiers above it", () => {
    const silverOnly = { pointsCost: 500, kind: "amount_off", tierId: "s" };
    expect(rewardOffer(silverOnly, null, tiers)).toEqual({ pointsCost: 500, reservedFor: "Silver" });
    expect(rewardOffer(silverOnly, silver, tiers)).toEqual({ pointsCost: 500, reservedFor: null });
    expect(rewardOffer(silverOnly, gold, tiers)).toEqual({ pointsCost: 500, reservedFor: null });
    expect(rewardOffer({ ...silverOnly, tierId: "g" }, silver, tiers)).toEqual({ pointsCost: 500, reservedFor: "Gold" });
  });

  it("the free-shipping perk makes free-shipping rewards cost nothing, and only those", () => {
    expect(rewardOffer({ pointsCost: 300, kind: "free_shipping", tierId: null }, gold, tiers).pointsCost).toBe(0);
    expect(rewardOffer({ pointsCost: 300, kind: "free_shipping", tierId: null }, silver, tiers).pointsCost).toBe(300);
    expect(rewardOffer({ pointsCost: 300, kind: "amount_off", tierId: null }, gold, tiers).pointsCost).toBe(300);
  });

  it("a reward whose tier was removed is offered to no one", () => {
    expect(rewardOffer({ pointsCost: 100, kind: "amount_off", tierId: "gone" }, gold, tiers).reservedFor).not.toBeNull();
  });
});
