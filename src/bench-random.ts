/**
 * Seeded randomness for the benchmark corpus: a small, fast PRNG (mulberry32) and the few draws the
 * generator needs (integers, shuffles, a normal deviate, long-tailed upvotes). Every paper gets its
 * own stream derived from the corpus seed and its index, so a paper's content never depends on the
 * order papers are generated in, and the same seed always writes the same files.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
}

/** Mixes two 32-bit numbers into one seed (a murmur3-style finalizer: nearby inputs land far apart). */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: 32 bits of state, good enough statistics for test data, and fast. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Upvotes with a long tail: most papers of a full arXiv day get none, the rest follow a log-normal
 * fitted to 791 real Hugging Face daily-papers entries (median 5, p99 53; ln-mean 1.70, ln-sd 1.07),
 * so a 60,000-paper corpus has a handful of papers in the hundreds.
 */
export const UPVOTES = { zeroShare: 0.3, logMean: 1.7, logSd: 1.07 } as const;

export function drawUpvotes(random: Random): number {
  if (random.next() < UPVOTES.zeroShare) return 0;
  return Math.max(1, Math.round(Math.exp(UPVOTES.logMean + UPVOTES.logSd * random.normal())));
}
