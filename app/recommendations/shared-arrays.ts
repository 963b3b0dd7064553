/**
 * Typed arrays in shared memory (`SharedArrayBuffer`): the recs build allocates its large arrays there,
 * so its list workers (build-lists-threads.server.ts) read them without a copy — at 2,000,000 orders a
 * copy of the lines, the stored vectors and the posting lists would add ~400 MB to the peak. Reading and
 * writing them from one thread is as fast as an ordinary array's.
 */
type Typed = Int32Array | Float64Array | Float32Array;

/**
 * A zeroed Int32Array / Float64Array / Float32Array of `length` in shared memory.
 * @example sharedArray(Float64Array, 3) // Float64Array [0, 0, 0] over a SharedArrayBuffer
 */
export function sharedArray<T extends Typed>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/**
 * `a` in shared memory: itself when it already is, else a copy (a subarray copied to its own length).
 * @example shared(Int32Array.of(1, 2)).buffer instanceof SharedArrayBuffer // true
 */
export function shared<T extends Typed>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = sharedArray(a.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, a.length);
  copy.set(a as never);
  return copy;
}
