import type { CustomerSequence } from "./dataset";
import { globalPersonalTopFreq, globalTopFreq, personalTopFreq } from "./baselines";
import { meanMetrics, type MetricName, type MetricRow } from "./metrics";
import { splitCustomers } from "./splits";
import { neighbourIndex, repeatVector, TIFU_REFERENCE, tifuScores, topK, type TifuParams } from "../tifuknn";
import { forYouModel, forYouTop, FOR_YOU_DEFAULTS, type ForYouParams } from "../for-you";

/** What a method may learn from: train customers' full sequences and the evaluated customers' histories. */
export interface TrainingData {
  train: readonly CustomerSequence[];
  /** Every customer's history (all baskets but the target): what global popularity is counted over. */
  allHistories: readonly (readonly number[])[][];
  histories: readonly (readonly number[])[][];
  /** Times of the evaluated customers' history baskets (parallel to `histories`). */
  historyTimes: readonly number[][];
}

/** A method ranks items for one evaluated customer (index into `histories`). */
export type MethodFactory = (data: TrainingData) => (customer: number) => number[];

const K = 20;

/** The methods the CLI reports, by the names of the issue. */
export function evaluationMethods(options: { tifu?: TifuParams; forYou?: ForYouParams } = {}): Record<string, MethodFactory> {
  return {
    "G-TopFreq": (data) => {
      const global = globalTopFreq(data.allHistories, K);
      return () => global;
    },
    "P-TopFreq": (data) => (c) => personalTopFreq(data.histories[c]!, K),
    "GP-TopFreq": (data) => {
      const global = globalTopFreq(data.allHistories, K);
      return (c) => globalPersonalTopFreq(data.histories[c]!, global, K);
    },
    TIFUKNN: (data) => {
      const params = options.tifu ?? TIFU_REFERENCE;
      const index = neighbourIndex(data.train.map((c) => repeatVector(c.baskets.slice(0, -1), params)));
      return (c) => topK(tifuScores(data.histories[c]!, index, params), K);
    },
    "for-you": (data) => {
      const params = options.forYou ?? FOR_YOU_DEFAULTS;
      const model = forYouModel(
        data.train.map((c) => ({ baskets: c.baskets, times: c.times })),
        params,
      );
      return (c) => forYouTop({ baskets: data.histories[c]!, times: data.historyTimes[c]! }, model, params, -1, K).map((e) => e.item);
    },
  };
}

/**
 * Runs every method on one split's evaluated part (test or validation) and returns mean metrics.
 */
export function evaluateSplit(
  customers: readonly CustomerSequence[],
  seed: number,
  part: "test" | "validation",
  methods: Record<string, MethodFactory>,
): Record<string, MetricRow> {
  const split = splitCustomers(customers, seed);
  return evaluateOn(customers, split.train, split[part], methods);
}

/**
 * Methods learn from `train` (full sequences) and rank for `evaluated` (histories), scored against the
 * evaluated customers' last baskets; `customers` (all of them) is what global popularity is counted over.
 */
export function evaluateOn(
  customers: readonly CustomerSequence[],
  train: readonly CustomerSequence[],
  evaluated: readonly CustomerSequence[],
  methods: Record<string, MethodFactory>,
): Record<string, MetricRow> {
  const data: TrainingData = {
    train,
    allHistories: customers.map((c) => c.baskets.slice(0, -1)),
    histories: evaluated.map((c) => c.baskets.slice(0, -1)),
    historyTimes: evaluated.map((c) => c.times.slice(0, -1)),
  };
  const targets = evaluated.map((c) => c.baskets.at(-1)!);
  const result: Record<string, MetricRow> = {};
  for (const [name, factory] of Object.entries(methods)) {
    const rank = factory(data);
    result[name] = meanMetrics(
      evaluated.map((_, c) => rank(c)),
      targets,
    );
  }
  return result;
}

/** Mean of metric rows (over splits). */
export function meanRows(rows: readonly MetricRow[]): MetricRow {
  const out = { "R@10": 0, "N@10": 0, "PHR@10": 0, "R@20": 0, "N@20": 0 } as MetricRow;
  for (const row of rows) for (const key of Object.keys(out) as MetricName[]) out[key] += row[key] / rows.length;
  return out;
}
