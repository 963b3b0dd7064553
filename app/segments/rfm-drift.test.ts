import { describe, expect, it } from "vitest";
import { RFM_MAX_AGE_MS, rfmNeedsFullRun } from "./rfm-drift";

const now = new Date("2026-01-02T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("rfmNeedsFullRun", () => {
  it("GIVEN no cut-offs yet WHEN asked THEN a full recomputation", () => {
    expect(rfmNeedsFullRun(null, 0, now)).toBe(true);
  });

  it("GIVEN 250,000 buyers ranked an hour ago WHEN up to 1% of them changed THEN incremental, past it a full run", () => {
    const last = { buyers: 250_000, computedAt: hoursAgo(1) };
    expect(rfmNeedsFullRun(last, 0, now)).toBe(false);
    expect(rfmNeedsFullRun(last, 2_500, now)).toBe(false);
    expect(rfmNeedsFullRun(last, 2_501, now)).toBe(true);
  });

  it("GIVEN ten buyers WHEN one changed THEN a full run (one customer is 10% of the ranks)", () => {
    expect(rfmNeedsFullRun({ buyers: 10, computedAt: hoursAgo(1) }, 1, now)).toBe(true);
  });

  it("GIVEN cut-offs a day old WHEN nothing changed THEN a full run all the same", () => {
    expect(rfmNeedsFullRun({ buyers: 1_000, computedAt: new Date(now.getTime() - RFM_MAX_AGE_MS) }, 0, now)).toBe(true);
    expect(rfmNeedsFullRun({ buyers: 1_000, computedAt: hoursAgo(23) }, 0, now)).toBe(false);
  });
});
