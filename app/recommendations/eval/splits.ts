/**
 * Protocol step 5: customers (sorted by id) shuffled with a seed, first 72% train, next 8% validation,
 * last 20% test. The shuffle is Python's `random.seed(seed); random.shuffle(list)` (MT19937), the usual
 * tool of the published protocol, so a seed gives the same customers here as in the reference scripts.
 */
export interface Split<T> {
  train: T[];
  validation: T[];
  test: T[];
}

/** MT19937 seeded like CPython's `random.seed(int)` (init_by_array over the integer's 32-bit words). */
export function pythonRandom(seed: number): { getrandbits(k: number): number } {
  const mt = new Uint32Array(624);
  let index = 624;
  mt[0] = 19650218;
  for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1]! ^ (mt[i - 1]! >>> 30)) + i) >>> 0;
  const key: number[] = [];
  for (let s = Math.abs(seed); s > 0; s = Math.floor(s / 2 ** 32)) key.push(s % 2 ** 32);
  if (key.length === 0) key.push(0);
  let i = 1;
  let j = 0;
  for (let k = Math.max(624, key.length); k > 0; k--) {
    mt[i] = ((mt[i]! ^ Math.imul(mt[i - 1]! ^ (mt[i - 1]! >>> 30), 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= 624) {
      mt[0] = mt[623]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = 623; k > 0; k--) {
    mt[i] = ((mt[i]! ^ Math.imul(mt[i - 1]! ^ (mt[i - 1]! >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= 624) {
      mt[0] = mt[623]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  const next = (): number => {
    if (index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
        mt[k] = (mt[(k + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
      }
      index = 0;
    }
    let y = mt[index++]!;
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  };
  return { getrandbits: (k) => next() >>> (32 - k) };
}

/** Python's `random.shuffle` (Fisher–Yates with `_randbelow` by rejection on getrandbits). */
export function pythonShuffle<T>(list: T[], seed: number): T[] {
  const random = pythonRandom(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const n = i + 1;
    const bits = 32 - Math.clz32(n);
    let r = random.getrandbits(bits);
    while (r >= n) r = random.getrandbits(bits);
    [list[i], list[r]] = [list[r]!, list[i]!];
  }
  return list;
}

/**
 * @example splitCustomers(customers, 0).test.length // 20% of them
 */
export function splitCustomers<T>(customers: readonly T[], seed: number): Split<T> {
  const shuffled = pythonShuffle([...customers], seed);
  const trainEnd = Math.floor(shuffled.length * 0.72);
  const validationEnd = Math.floor(shuffled.length * 0.8);
  return { train: shuffled.slice(0, trainEnd), validation: shuffled.slice(trainEnd, validationEnd), test: shuffled.slice(validationEnd) };
}
