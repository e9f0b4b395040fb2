import { describe, expect, it } from 'vitest';
import { createRandom, drawUpvotes, mixSeed, shuffled, UPVOTES } from '../src/bench-random.ts';

const draws = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('seeded randomness for the benchmark corpus', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('draws floats in [0, 1) and integers in [0, n), covering the range', () => {
    const random = createRandom(1);
    const ints = Array.from({ length: 5000 }, () => random.int(10));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    for (const x of draws(9, 5000)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('mixes neighbouring seeds into unrelated ones', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => mixSeed(2025, i));
    expect(new Set(seeds).size).toBe(1000);
    expect(draws(mixSeed(2025, 1), 5)).not.toEqual(draws(mixSeed(2025, 2), 5));
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const result = shuffled(items, createRandom(3));
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...result].sort((a, b) => a - b)).toEqual(items);
    expect(result).not.toEqual(items);
  });

  it('draws normal deviates with mean 0 and standard deviation 1', () => {
    const random = createRandom(11);
    const values = Array.from({ length: 20000 }, () => random.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('draws upvotes with a long tail: many zeros, a small median, a few in the hundreds', () => {
    const random = createRandom(5);
    const votes = Array.from({ length: 60000 }, () => drawUpvotes(random)).sort((a, b) => a - b);
    const at = (q: number) => votes[Math.floor(q * (votes.length - 1))] as number;
    const zeros = votes.filter((v) => v === 0).length / votes.length;
    const mean = votes.reduce((a, b) => a + b, 0) / votes.length;
    expect(Math.abs(zeros - UPVOTES.zeroShare)).toBeLessThan(0.01);
    expect(votes.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    expect(at(0.5)).toBeGreaterThanOrEqual(2);
    expect(at(0.5)).toBeLessThanOrEqual(6);
    expect(at(0.99)).toBeGreaterThan(25);
    expect(at(1)).toBeGreaterThan(150);
    expect(mean).toBeGreaterThan(at(0.5));
  });
});
