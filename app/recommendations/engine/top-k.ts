/**
 * The best `k` of a stream of (item, score, tie) without sorting the stream: a small array kept in
 * order, best first (score descending, then `tie` descending, then item ascending — the orders the
 * strategies sort by). O(n) for a stream of n when most candidates lose to the current k-th.
 * @example const top = new TopK(2); top.offer(5, 0.1); top.offer(7, 0.9); top.items() // [7, 5]
 */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly ties: number[] = [];
  constructor(private readonly k: number) {}

  private beats(item: number, score: number, tie: number, at: number): boolean {
    const s = this.scores[at]!;
    if (score !== s) return score > s;
    const t = this.ties[at]!;
    if (tie !== t) return tie > t;
    return item < this.ids[at]!;
  }

  offer(item: number, score: number, tie = 0): void {
    const n = this.ids.length;
    if (this.k <= 0 || (n === this.k && !this.beats(item, score, tie, n - 1))) return;
    let at = n === this.k ? n - 1 : n;
    while (at > 0 && this.beats(item, score, tie, at - 1)) at -= 1;
    this.ids.splice(at, 0, item);
    this.scores.splice(at, 0, score);
    this.ties.splice(at, 0, tie);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
      this.ties.pop();
    }
  }

  /** The k-th score so far (−∞ until k are kept): a candidate scoring below it cannot enter. */
  get worst(): number {
    return this.ids.length < this.k ? -Infinity : this.scores[this.ids.length - 1]!;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Best first, with their scores. */
  entries(): { item: number; score: number }[] {
    return this.ids.map((item, i) => ({ item, score: this.scores[i]! }));
  }

  items(): number[] {
    return [...this.ids];
  }
}
