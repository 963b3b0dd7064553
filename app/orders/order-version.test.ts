import { describe, expect, it } from "vitest";
import { isNewerOrder, isNewerVersion } from "./order-version";

const t = (s: string) => new Date(`2026-03-01T10:00:${s}Z`);

describe("order versions", () => {
  it("GIVEN two updated_at WHEN compared THEN the later one wins whichever arrives first", () => {
    const paid = { updatedAt: t("01"), cancelled: false, financialStatus: "paid" };
    const cancelled = { updatedAt: t("05"), cancelled: true, financialStatus: "voided" };
    expect(isNewerOrder(cancelled, paid)).toBe(true);
    expect(isNewerOrder(paid, cancelled)).toBe(false);
  });

  it("GIVEN the same updated_at WHEN compared THEN the state further along wins, and a twin never replaces its twin", () => {
    const pending = { updatedAt: t("01"), cancelled: false, financialStatus: "pending" };
    const paid = { ...pending, financialStatus: "paid" };
    expect(isNewerOrder(paid, pending)).toBe(true);
    expect(isNewerOrder(pending, paid)).toBe(false);
    expect(isNewerOrder(paid, paid)).toBe(false);
    expect(isNewerOrder({ ...paid, cancelled: true }, paid)).toBe(true);
  });

  it("GIVEN versioned records WHEN compared THEN only strictly newer ones overwrite, unversioned ones only create", () => {
    expect(isNewerVersion(t("02"), t("01"), true)).toBe(true);
    expect(isNewerVersion(t("01"), t("01"), true)).toBe(false);
    expect(isNewerVersion(null, t("01"), true)).toBe(false);
    expect(isNewerVersion(null, null, false)).toBe(true);
    expect(isNewerVersion(t("01"), null, true)).toBe(true);
  });
});
