/**
 * Next-basket metrics of the evaluation protocol: Recall@k, NDCG@k (IDCG over all target items, not
 * capped at k) and PHR@k (a hit at all), for one customer; callers average them.
 */
export interface BasketMetrics {
  recall: number;
  ndcg: number;
  hit: number;
}

/**
 * @example basketMetrics([3, 1, 2], new Set([1, 9]), 2) // { recall: 0.5, ndcg: (1/log2(3)) / (1 + 1/log2(3)), hit: 1 }
 */
export function basketMetrics(ranked: readonly number[], target: ReadonlySet<number>, k: number): BasketMetrics {
  let hits = 0;
  let dcg = 0;
  const top = Math.min(k, ranked.length);
  for (let i = 0; i < top; i++) {
    if (target.has(ranked[i]!)) {
      hits++;
      dcg += 1 / Math.log2(i + 2);
    }
  }
  let idcg = 0;
  for (let i = 0; i < target.size; i++) idcg += 1 / Math.log2(i + 2);
  return { recall: target.size ? hits / target.size : 0, ndcg: idcg ? dcg / idcg : 0, hit: hits > 0 ? 1 : 0 };
}

export type MetricName = "R@10" | "N@10" | "PHR@10" | "R@20" | "N@20";
export type MetricRow = Record<MetricName, number>;

/** Mean metrics over customers, given each customer's ranking (≥ 20 long) and target basket. */
export function meanMetrics(rankings: readonly (readonly number[])[], targets: readonly (readonly number[])[]): MetricRow {
  const row: MetricRow = { "R@10": 0, "N@10": 0, "PHR@10": 0, "R@20": 0, "N@20": 0 };
  const n = rankings.length;
  if (n === 0) return row;
  for (let c = 0; c < n; c++) {
    const target = new Set(targets[c]);
    const at10 = basketMetrics(rankings[c]!, target, 10);
    const at20 = basketMetrics(rankings[c]!, target, 20);
    row["R@10"] += at10.recall / n;
    row["N@10"] += at10.ndcg / n;
    row["PHR@10"] += at10.hit / n;
    row["R@20"] += at20.recall / n;
    row["N@20"] += at20.ndcg / n;
  }
  return row;
}
