import { describe, expect, it } from "vitest";
import { basketMetrics, meanMetrics } from "./metrics";
import { globalPersonalTopFreq, globalTopFreq, personalTopFreq } from "./baselines";
import { buildDataset, genericLine, onlineRetailLine, type TransactionLine } from "./dataset";
import { pythonShuffle, splitCustomers } from "./splits";

describe("next-basket metrics", () => {
  it("GIVEN a ranking with hits at ranks 1 and 3 WHEN measured at 10 THEN recall, NDCG (IDCG over the whole target) and hit are exact", () => {
    const m = basketMetrics([7, 8, 9], new Set([7, 9, 5, 6]), 10);
    expect(m.recall).toBe(0.5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4) + 1 / Math.log2(5);
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(4)) / idcg, 12);
    expect(m.hit).toBe(1);
  });

  it("GIVEN a hit only beyond k WHEN measured at k THEN it does not count", () => {
    expect(basketMetrics([1, 2, 3], new Set([3]), 2)).toEqual({ recall: 0, ndcg: 0, hit: 0 });
  });

  it("GIVEN two customers WHEN averaged THEN PHR is the share with a hit", () => {
    const row = meanMetrics([[1], [2]], [[1], [3]]);
    expect(row["PHR@10"]).toBe(0.5);
    expect(row["R@10"]).toBe(0.5);
    expect(row["N@20"]).toBe(0.5);
  });
});

describe("baselines", () => {
  const history = [
    [1, 2],
    [2, 3],
    [3, 4],
  ];
  it("GIVEN a history WHEN P-TopFreq ranks THEN most bought first, ties to the item last bought longer ago", () => {
    expect(personalTopFreq(history, 4)).toEqual([2, 3, 1, 4]);
  });
  it("GIVEN histories WHEN G-TopFreq ranks THEN basket counts decide, ties by first appearance", () => {
    expect(globalTopFreq([history, [[4], [9]]], 3)).toEqual([2, 3, 4]);
  });
  it("GIVEN a short history WHEN GP-TopFreq ranks THEN own items come first and the global list fills the rest", () => {
    expect(globalPersonalTopFreq([[5]], [1, 5, 2], 3)).toEqual([5, 1, 2]);
  });
});

describe("protocol data preparation", () => {
  const line = (customerId: string, orderId: string, productId: string, day: number): TransactionLine => ({
    customerId,
    orderId,
    productId,
    at: day * 86_400_000,
  });

  it("GIVEN Online Retail rows WHEN parsed THEN guests, cancellations, returns and non-product codes are dropped", () => {
    const base = { InvoiceNo: "536365", StockCode: "85123a", Quantity: "6", InvoiceDate: "2010-12-01 08:26:00", CustomerID: "17850.0" };
    expect(onlineRetailLine(base)).toEqual({
      customerId: "17850",
      orderId: "536365",
      productId: "85123A",
      at: Date.UTC(2010, 11, 1, 8, 26),
    });
    expect(onlineRetailLine({ ...base, CustomerID: "" })).toBeNull();
    expect(onlineRetailLine({ ...base, InvoiceNo: "C536365" })).toBeNull();
    expect(onlineRetailLine({ ...base, Quantity: "-1" })).toBeNull();
    expect(onlineRetailLine({ ...base, StockCode: "POST" })).toBeNull();
    expect(genericLine({ customer_id: "7", order_id: "o1", product_id: "p1", ordered_at: "2024-01-01T00:00:00Z" })?.productId).toBe("p1");
  });

  it("GIVEN customers with too few baskets and rare items WHEN built THEN only 3+ basket customers with items seen 3+ times in non-target baskets remain", () => {
    const lines = [
      // customer a: 4 orders; "x" appears in 3 non-target baskets, "rare" once
      line("a", "1", "x", 1),
      line("a", "1", "rare", 1),
      line("a", "2", "x", 2),
      line("a", "3", "x", 3),
      line("a", "4", "x", 4),
      line("a", "4", "y", 4),
      // customer b: only two orders → dropped
      line("b", "5", "x", 1),
      line("b", "6", "x", 2),
    ];
    const dataset = buildDataset(lines);
    expect(dataset.customers.map((c) => c.customerId)).toEqual(["a"]);
    expect(dataset.items).toEqual(["x"]);
    expect(dataset.customers[0]!.baskets).toEqual([[0], [0], [0], [0]]);
  });
});

describe("splits", () => {
  it("GIVEN seed 0 WHEN shuffled THEN the order is Python's random.shuffle's", () => {
    // python3 -c "import random; l=list(range(20)); random.seed(0); random.shuffle(l); print(l)"
    expect(pythonShuffle([...Array(20).keys()], 0)).toEqual([10, 18, 16, 14, 0, 17, 11, 2, 3, 9, 5, 7, 4, 19, 6, 15, 8, 1, 13, 12]);
  });
  it("GIVEN 1,983 customers WHEN split THEN 72/8/20 with 397 test customers", () => {
    const split = splitCustomers([...Array(1983).keys()], 3);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([1427, 159, 397]);
  });
});
