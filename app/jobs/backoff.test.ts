import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("GIVEN successive failures WHEN delayed THEN the wait doubles from 2 s and stops at an hour", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, mid))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30, mid)).toBe(3_600_000);
  });

  it("GIVEN jitter WHEN delayed THEN the wait stays within ±20%", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1600);
    expect(retryDelayMs(1, () => 1)).toBe(2400);
  });
});
