import { neighbourIndex, nearestCustomers, neighbourMean, repeatVector, type NeighbourIndex } from "./tifuknn";

/**
 * Rapport's `for-you` ranking, pure and shared by production (the recs-build job) and the offline
 * evaluation: TIFUKNN's time-decayed repeat vector and its customer neighbours, blended with item
 * neighbours and a recency-weighted repeat-frequency boost. Parameters tuned on the validation split only.
 */
export interface ForYouParams {
  groupCount: number;
  withinDecay: number;
  groupDecay: number;
  k: number;
  alpha: number;
}

export const FOR_YOU_DEFAULTS: ForYouParams = { groupCount: 7, withinDecay: 0.9, groupDecay: 0.7, k: 300, alpha: 0.7 };

/** A customer's purchase history, baskets oldest first with their times (ms). */
export interface PurchaseHistory {
  baskets: readonly (readonly number[])[];
  times: readonly number[];
}

export interface ForYouModel {
  customers: NeighbourIndex;
}

/** Builds the model from reference customers' full histories (off the request path). */
export function forYouModel(reference: readonly PurchaseHistory[], params: ForYouParams): ForYouModel {
  return { customers: neighbourIndex(reference.map((h) => repeatVector(h.baskets, params))) };
}

/** Item scores for one customer; higher is better. */
export function forYouScores(history: PurchaseHistory, model: ForYouModel, params: ForYouParams): Map<number, number> {
  const own = repeatVector(history.baskets, params);
  const neighbours = neighbourMean(model.customers, nearestCustomers(model.customers, own, params.k));
  const scores = new Map<number, number>();
  for (const [item, v] of neighbours) scores.set(item, (1 - params.alpha) * v);
  own.items.forEach((item, i) => scores.set(item, (scores.get(item) ?? 0) + params.alpha * own.values[i]!));
  return scores;
}
