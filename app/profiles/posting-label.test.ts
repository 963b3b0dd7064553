import { describe, expect, it } from "vitest";
import { postingLabel } from "./posting-label";

describe("postingLabel", () => {
  it("GIVEN ledger reasons WHEN labelled THEN merchant words, with the order when known, and unknown reasons shown as they are", () => {
    expect(postingLabel("earn:order", "#1001")).toBe("Earned on an order (#1001)");
    expect(postingLabel("clawback:refund", null)).toBe("Taken back: order refunded");
    expect(postingLabel("something:new")).toBe("Points: something:new");
  });
});
