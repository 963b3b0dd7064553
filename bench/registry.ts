import type { Benchmark } from "./benchmark";
import { backfillBench } from "./backfill.bench";
import { loyaltyBench } from "./loyalty.bench";
import { ordersProcessedBench } from "./orders-processed.bench";
import { webhookAckBench } from "./webhook-ack.bench";
import { profilesBench } from "./profiles.bench";
import { recsBench } from "./recs.bench";
import { loyaltyTiersBench } from "./loyalty-tiers.bench";

/**
 * Every benchmark `npm run bench` runs, in order. Each capability adds its own file under bench/ and
 * one line here.
 */
export const BENCHMARKS: Benchmark[] = [
  webhookAckBench,
  ordersProcessedBench,
  backfillBench,
  loyaltyBench,
  profilesBench,
  recsBench,
  loyaltyTiersBench,
  // (one line per benchmark)
];
