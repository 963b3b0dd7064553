/**
 * Exact string interning without a JS string or Map entry per key: the keys' UTF-16 code units in one
 * growable array, an open-addressing hash table of 32-bit slots. For millions of short ids read once
 * (a large shop's order ids) it holds ~2 bytes per character plus ~16 bytes per key, and leaves the
 * ids themselves to the garbage collector.
 * @example const t = new StringTable(); t.intern("a") // 0; t.intern("b") // 1; t.intern("a") // 0
 */
export class StringTable {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private start = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private slots = new Int32Array(1 << 11); // key index + 1; 0 = empty
  size = 0;

  /** The key's index: new keys are numbered 0, 1, 2… in order of first appearance. */
  intern(key: string): number {
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at]! - 1;
      if (entry < 0) {
        this.slots[at] = this.add(key, hash) + 1;
        if (this.size * 2 > this.slots.length) this.rehash();
        return this.size - 1;
      }
      if (this.hashes[entry] === hash && this.equals(entry, key)) return entry;
    }
  }

  private equals(entry: number, key: string): boolean {
    const from = this.start[entry]!;
    if (this.start[entry + 1]! - from !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private add(key: string, hash: number): number {
    const entry = this.size++;
    if (this.size + 1 >= this.start.length) {
      this.start = grown(this.start);
      this.hashes = grown(this.hashes);
    }
    while (this.used + key.length > this.chars.length) {
      const chars = new Uint16Array(Math.ceil(this.chars.length * 1.5));
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.start[entry] = this.used;
    this.used += key.length;
    this.start[entry + 1] = this.used;
    this.hashes[entry] = hash;
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let at = this.hashes[entry]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units, then a final mix. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
