import { describe, expect, it } from "vitest";
import { takeVisitorTokens, VISITOR_BURST } from "./visitor-rate-limit";

describe("per-visitor rate limit", () => {
  it("GIVEN a burst WHEN it exceeds the bucket THEN refused until it refills, other visitors unaffected", () => {
    const t = 1_000_000;
    expect(takeVisitorTokens("a", VISITOR_BURST, t)).toBe(true);
    expect(takeVisitorTokens("a", 1, t)).toBe(false);
    expect(takeVisitorTokens("b", 1, t)).toBe(true);
    expect(takeVisitorTokens("a", 1, t + 1000)).toBe(true);
    expect(takeVisitorTokens("a", 1, t + 1000)).toBe(false);
  });
});
