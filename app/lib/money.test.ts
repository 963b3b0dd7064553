import { describe, expect, it } from "vitest";
import { formatMoney, toMinorUnits } from "./money";

describe("money in minor units", () => {
  it("GIVEN decimal strings WHEN parsed THEN minor units are exact for the currency's exponent", () => {
    expect(toMinorUnits("12.5", "GBP")).toBe(1250);
    expect(toMinorUnits("0.29", "GBP")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(toMinorUnits("1.234", "KWD")).toBe(1234);
    expect(toMinorUnits("-3.10", "EUR")).toBe(-310);
    expect(toMinorUnits("7.00", "JPY")).toBe(7);
  });

  it("GIVEN malformed or over-precise amounts WHEN parsed THEN a RangeError names them", () => {
    expect(() => toMinorUnits("abc", "GBP")).toThrow(/not a decimal amount/);
    expect(() => toMinorUnits("1.005", "GBP")).toThrow(/more decimals/);
    expect(() => toMinorUnits("1", "XYZ1")).toThrow(RangeError);
  });

  it("GIVEN absurd amounts WHEN parsed THEN they are refused before they can be stored", () => {
    expect(() => toMinorUnits("90071992547409.93", "GBP")).toThrow(/beyond the largest amount/);
    expect(() => toMinorUnits("9007199254740993", "JPY")).toThrow(/beyond the largest amount/);
    expect(toMinorUnits("100000000000.00", "GBP")).toBe(10 ** 13);
    expect(() => toMinorUnits("100000000000.01", "GBP")).toThrow(/beyond/);
  });

  it("GIVEN minor units WHEN formatted THEN the shop currency shows", () => {
    expect(formatMoney(1250, "GBP")).toBe("£12.50");
  });
});
