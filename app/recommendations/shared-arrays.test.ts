import { describe, expect, it } from "vitest";
import { shared, sharedArray } from "./shared-arrays";

describe("shared arrays", () => {
  it("allocates zeroed arrays in shared memory", () => {
    const a = sharedArray(Float32Array, 3);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...a]).toEqual([0, 0, 0]);
  });

  it("copies an ordinary array (a subarray to its own length) and keeps a shared one as it is", () => {
    const copy = shared(Int32Array.of(1, 2, 3, 4).subarray(1, 3));
    expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...copy]).toEqual([2, 3]);
    expect(copy.buffer.byteLength).toBe(8);
    expect(shared(copy)).toBe(copy);
  });
});
