/**
 * The best `k` of a stream of (item, score, tie) without sorting the stream: a small array kept in
 * order, best first (score descending, then `tie` descending, then item ascending — the orders the
 * strategies sort by). O(n) for a stream of n when most candidates lose to the current k-th.
 * @example const top = new TopK(2); top.offer(5, 0.1); top.offer(7, 0.9); top.items() // [7, 5]
 */
export class TopK {
  // Typed arrays shifted in place (no splice, no growth): a build offers ~10⁹ pairs to these, and one
  // instance is reused across items with `clear()`.
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private readonly ties: Float64Array;
  private n = 0;
  constructor(private readonly k: number) {
    const size = Math.max(0, k);
    this.ids = new Int32Array(size);
    this.scores = new Float64Array(size);
    this.ties = new Float64Array(size);
  }

  private beats(item: number, score: number, tie: number, at: number): boolean {
    const s = this.scores[at]!;
    if (score !== s) return score > s;
    const t = this.ties[at]!;
    if (tie !== t) return tie > t;
    return item < this.ids[at]!;
  }

  offer(item: number, score: number, tie = 0): void {
    const n = this.n;
    if (this.k <= 0 || (n === this.k && !this.beats(item, score, tie, n - 1))) return;
    let at = n === this.k ? n - 1 : n;
    while (at > 0 && this.beats(item, score, tie, at - 1)) at -= 1;
    // Shift [at, end) one place down; when full the last (the worst) falls off.
    const end = n === this.k ? n - 1 : n;
    this.ids.copyWithin(at + 1, at, end);
    this.scores.copyWithin(at + 1, at, end);
    this.ties.copyWithin(at + 1, at, end);
    this.ids[at] = item;
    this.scores[at] = score;
    this.ties[at] = tie;
    if (n < this.k) this.n = n + 1;
  }

  /** Empties the selection (same k) for the next stream. */
  clear(): void {
    this.n = 0;
  }

  /** The k-th score so far (−∞ until k are kept): a candidate scoring below it cannot enter. */
  get worst(): number {
    return this.n < this.k ? -Infinity : this.scores[this.n - 1]!;
  }

  get size(): number {
    return this.n;
  }

  /** Best first, with their scores. */
  entries(): { item: number; score: number }[] {
    const out: { item: number; score: number }[] = new Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = { item: this.ids[i]!, score: this.scores[i]! };
    return out;
  }

  items(): number[] {
    return Array.from(this.ids.subarray(0, this.n));
  }
}

/**
 * The best `k` of `n` (item, score) pairs held in `items[0..n)` / `scores[0..n)`, best first (score
 * descending, then item ascending: TopK's order with no tie-breaker): the k-th best score from a min-heap
 * of k scores (one comparison for most candidates), then only the candidates at or above it sorted.
 * @example bestOf(Int32Array.of(5, 7), Float64Array.of(0.1, 0.9), 2, 1) // [{ item: 7, score: 0.9 }]
 */
export function bestOf(items: Int32Array, scores: Float64Array, n: number, k: number): { item: number; score: number }[] {
  const take = Math.max(0, Math.min(k, n));
  if (take === 0) return [];
  let threshold = -Infinity;
  if (take < n) {
    const heap = heapScratch(take);
    for (let i = 0; i < take; i++) siftUp(heap, i, scores[i]!);
    for (let i = take; i < n; i++) {
      const s = scores[i]!;
      if (s > heap[0]!) siftDown(heap, take, s);
    }
    threshold = heap[0]!;
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i]! >= threshold) kept.push(i);
  kept.sort((a, b) => scores[b]! - scores[a]! || items[a]! - items[b]!);
  const out: { item: number; score: number }[] = new Array(take);
  for (let j = 0; j < take; j++) out[j] = { item: items[kept[j]!]!, score: scores[kept[j]!]! };
  return out;
}

let heapBuffer = new Float64Array(1024);
function heapScratch(size: number): Float64Array {
  if (heapBuffer.length < size) heapBuffer = new Float64Array(size);
  return heapBuffer;
}

function siftUp(heap: Float64Array, at: number, value: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = value;
}

/** Replaces the root (the smallest) with `value` and restores the heap. */
function siftDown(heap: Float64Array, size: number, value: number): void {
  let at = 0;
  for (;;) {
    const l = 2 * at + 1;
    if (l >= size) break;
    const r = l + 1;
    const child = r < size && heap[r]! < heap[l]! ? r : l;
    if (heap[child]! >= value) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = value;
}
