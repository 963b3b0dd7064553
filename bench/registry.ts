import type { Benchmark } from "./benchmark";
import { webhookAckBench } from "./webhook-ack.bench";
import { profilesBench } from "./profiles.bench";

/**
 * Every benchmark `npm run bench` runs, in order. Each capability adds its own file under bench/ and
 * one line here.
 */
export const BENCHMARKS: Benchmark[] = [webhookAckBench, profilesBench];
