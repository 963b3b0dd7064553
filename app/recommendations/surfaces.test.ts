import { describe, expect, it } from "vitest";
import { fillFromChain } from "./surfaces";

describe("filling a surface from a strategy chain", () => {
  it("GIVEN a short primary list WHEN filled THEN fallbacks complete it without repeats or excluded products", () => {
    const result = fillFromChain(
      [
        { name: "bought-together", ids: ["a", "b"] },
        { name: "popular", ids: ["b", "x", "c", "d"] },
        { name: "newest", ids: ["e"] },
      ],
      new Set(["x"]),
      4,
    );
    expect(result).toEqual({ ids: ["a", "b", "c", "d"], strategy: "bought-together" });
  });

  it("GIVEN an empty primary WHEN filled THEN the first strategy that supplied products is named", () => {
    expect(
      fillFromChain(
        [
          { name: "bought-together", ids: [] },
          { name: "popular", ids: ["p"] },
        ],
        new Set(),
        3,
      ),
    ).toEqual({ ids: ["p"], strategy: "popular" });
  });
});
