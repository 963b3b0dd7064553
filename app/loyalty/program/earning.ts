import { currencyExponent } from "../../lib/money";
import type { LoyaltyProgramSettings } from "../program";

/** Multipliers are percentages, two of them (product or collection, then tier): weights carry ×10,000. */
export const WEIGHT_SCALE = 10_000n;

/** What an order gives the earning rules. */
export interface EarningOrder {
  currencyCode: string;
  /** Merchandise after discounts (the order's subtotal). */
  subtotalMinor: bigint;
  shippingMinor: bigint;
  taxMinor: bigint;
  lines: { totalMinor: bigint; productGid: string | null; giftCard: boolean; collectionGids: readonly string[] }[];
}

/** An earning's rule snapshot: what it was earned on and at what rate, kept on the posting for clawback. */
export interface Earning {
  points: number;
  /** The earning base in minor units: merchandise (less gift cards), plus shipping and tax when included. */
  basisMinor: bigint;
  /** The base weighted by the product/collection and tier multipliers (× WEIGHT_SCALE). */
  weightedBasis: bigint;
  rate: number;
}

type Rules = Pick<LoyaltyProgramSettings, "pointsPerCurrencyUnit" | "includeShipping" | "includeTax" | "includeGiftCards" | "multipliers">;

/**
 * Points for an order under the program's rules, in integers throughout: each line is weighted by its
 * product's multiplier (else the highest of its collections', else 100 %), gift cards drop out unless
 * included, shipping and tax join at 100 % when included, the whole is weighted by the customer's tier
 * multiplier, and points = ⌊weighted money × rate⌋ in whole currency units.
 * @example earningFor({ currencyCode: "GBP", subtotalMinor: 2000n, shippingMinor: 500n, taxMinor: 0n, lines: [] }, rules, 150).points // 30
 */
export function earningFor(order: EarningOrder, rules: Rules, tierPct = 100): Earning {
  const pctOf = new Map(rules.multipliers.map((m) => [m.targetGid, BigInt(m.multiplierPct)]));
  let merchandise = order.subtotalMinor;
  let weighted = 0n;
  let lineTotal = 0n;
  for (const line of order.lines) {
    if (line.giftCard && !rules.includeGiftCards) {
      merchandise -= line.totalMinor;
      continue;
    }
    const collectionPcts = line.collectionGids.map((c) => pctOf.get(c)).filter((p): p is bigint => p !== undefined);
    const pct = (line.productGid ? pctOf.get(line.productGid) : undefined) ?? (collectionPcts.length ? max(collectionPcts) : 100n);
    weighted += line.totalMinor * pct;
    lineTotal += line.totalMinor;
  }
  // Whatever the lines do not account for (order-level rounding) earns at 100 %.
  weighted += (merchandise - lineTotal) * 100n;
  let basis = merchandise;
  for (const [included, amount] of [
    [rules.includeShipping, order.shippingMinor],
    [rules.includeTax, order.taxMinor],
  ] as const) {
    if (!included) continue;
    basis += amount;
    weighted += amount * 100n;
  }
  if (basis < 0n) basis = 0n;
  const weightedBasis = weighted < 0n ? 0n : weighted * BigInt(tierPct);
  const rate = rules.pointsPerCurrencyUnit;
  return { points: pointsOf(weightedBasis, rate, order.currencyCode), basisMinor: basis, weightedBasis, rate };
}

/** ⌊weighted money × rate⌋ in whole units of the currency. */
export function pointsOf(weightedBasis: bigint, rate: number, currencyCode: string): number {
  const unit = 10n ** BigInt(currencyExponent(currencyCode));
  return Number((weightedBasis * BigInt(rate)) / (unit * WEIGHT_SCALE));
}

function max(values: bigint[]): bigint {
  return values.reduce((a, b) => (b > a ? b : a));
}
