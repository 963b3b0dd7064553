import { describe, expect, it } from "vitest";
import { MonotonicClock } from "./clock";

const T = Date.parse("2026-03-01T12:00:00.000Z");

describe("MonotonicClock", () => {
  it("GIVEN a wall clock that does not move WHEN stamps are taken THEN each is 1 ms after the last", () => {
    const clock = new MonotonicClock(() => T);
    expect([clock.next(), clock.next(), clock.next()]).toEqual([
      "2026-03-01T12:00:00.000Z",
      "2026-03-01T12:00:00.001Z",
      "2026-03-01T12:00:00.002Z",
    ]);
  });

  it("GIVEN a wall clock that steps back WHEN a stamp is taken THEN it still follows the last one", () => {
    let now = T;
    const clock = new MonotonicClock(() => now);
    clock.next();
    now = T - 60_000;
    expect(clock.next()).toBe("2026-03-01T12:00:00.001Z");
  });

  it("GIVEN a previous version stamped ahead of the clock WHEN stamped after it THEN the new stamp is later still", () => {
    const clock = new MonotonicClock(() => T);
    expect(clock.next("2026-03-01T12:00:05.000Z")).toBe("2026-03-01T12:00:05.001Z");
    expect(clock.next("2020-01-01T00:00:00Z")).toBe("2026-03-01T12:00:05.002Z");
  });

  it("GIVEN a wall clock that moves on WHEN stamped THEN the stamp is the wall time", () => {
    let now = T;
    const clock = new MonotonicClock(() => now);
    clock.next();
    now = T + 5_000;
    expect(clock.next()).toBe("2026-03-01T12:00:05.000Z");
  });
});
