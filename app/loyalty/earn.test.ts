import { describe, expect, it } from "vitest";
import { pointsForOrder } from "./earn";

const order = { subtotalMinor: 2599, currencyCode: "GBP", customer: true, test: false, cancelled: false };

describe("points for an order", () => {
  it("GIVEN £25.99 at 1 point per pound WHEN earned THEN 25 points (rounded down)", () => {
    expect(pointsForOrder(order, 1)).toBe(25);
    expect(pointsForOrder({ ...order, subtotalMinor: 2500 }, 3)).toBe(75);
  });

  it("GIVEN a zero-decimal currency WHEN earned THEN whole yen count as units", () => {
    expect(pointsForOrder({ ...order, subtotalMinor: 1500, currencyCode: "JPY" }, 1)).toBe(1500);
  });

  it("GIVEN guests, test, cancelled or empty orders WHEN earned THEN nothing", () => {
    expect(pointsForOrder({ ...order, customer: false }, 1)).toBe(0);
    expect(pointsForOrder({ ...order, test: true }, 1)).toBe(0);
    expect(pointsForOrder({ ...order, cancelled: true }, 1)).toBe(0);
    expect(pointsForOrder({ ...order, subtotalMinor: 0 }, 1)).toBe(0);
  });
});
