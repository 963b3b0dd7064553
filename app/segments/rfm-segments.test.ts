import { describe, expect, it } from "vitest";
import { RFM_GRID, RFM_SEGMENTS, quintileScore, rfmSegment } from "./rfm-segments";

describe("RFM scores and segments", () => {
  it("GIVEN ten distinct ranks WHEN scored THEN two customers per quintile", () => {
    const ranks = Array.from({ length: 10 }, (_, i) => i / 9);
    expect(ranks.map(quintileScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("GIVEN the corners of the grid WHEN mapped THEN the classic names", () => {
    expect(rfmSegment(5, 5, 5)).toBe("Champions");
    expect(rfmSegment(5, 1, 1)).toBe("New");
    expect(rfmSegment(1, 1, 1)).toBe("Lost");
    expect(rfmSegment(1, 5, 5)).toBe("Can't lose");
    expect(rfmSegment(2, 4, 3)).toBe("At risk");
    expect(rfmSegment(4, 5, 4)).toBe("Loyal");
    expect(rfmSegment(4, 1, 1)).toBe("Promising");
    expect(rfmSegment(3, 2, 2)).toBe("Needs attention");
    expect(rfmSegment(2, 1, 2)).toBe("Hibernating");
    expect(rfmSegment(5, 2, 3)).toBe("Potential loyalist");
  });

  it("GIVEN the grid THEN every named segment is reachable and nothing else is", () => {
    expect(new Set(RFM_GRID.flat())).toEqual(new Set(RFM_SEGMENTS));
  });
});
