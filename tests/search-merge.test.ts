import { describe, expect, it } from 'vitest';
import { listStream, mergedStream } from '../src/browser/search-merge.ts';

/** Results whose data loads lazily, recording what was loaded. */
function results(keys: string[], loaded: string[]) {
  return keys.map((key) => ({ key, data: async () => (loaded.push(key), { key }) }));
}
const load = (result: { data: () => Promise<{ key: string }> }) => result.data();

describe('listStream', () => {
  it('reads a list in order, a page at a time, loading only the page', async () => {
    const loaded: string[] = [];
    const stream = listStream(results(['a', 'b', 'c'], loaded), load);
    expect(stream.total).toBe(3);
    expect((await stream.next(2)).map((d) => d.key)).toEqual(['a', 'b']);
    expect(loaded).toEqual(['a', 'b']);
    expect(stream.done()).toBe(false);
    expect((await stream.next(2)).map((d) => d.key)).toEqual(['c']);
    expect(stream.done()).toBe(true);
    expect(await stream.next(2)).toEqual([]);
  });
});

describe('mergedStream', () => {
  it('merges lists sorted descending into one descending list', async () => {
    const loaded: string[] = [];
    const stream = mergedStream([results(['9', '5', '1'], loaded), results(['8', '7', '2'], loaded), results([], loaded)], load, (d) => d.key);
    expect(stream.total).toBe(6);
    expect((await stream.next(4)).map((d) => d.key)).toEqual(['9', '8', '7', '5']);
    expect((await stream.next(4)).map((d) => d.key)).toEqual(['2', '1']);
    expect(stream.done()).toBe(true);
  });

  it('loads only the results shown and the heads compared', async () => {
    const loaded: string[] = [];
    const stream = mergedStream([results(['z', 'y', 'x', 'w'], loaded), results(['b', 'a'], loaded)], load, (d) => d.key);
    await stream.next(2);
    expect(loaded.sort()).toEqual(['b', 'y', 'z']);
  });

  it('keeps the order of the lists for equal keys (the newest shard first)', async () => {
    const loaded: string[] = [];
    const tagged = (keys: string[], list: string) => results(keys, loaded).map((r) => ({ data: async () => ({ key: r.key, list }) }));
    const stream = mergedStream([tagged(['5', '5'], 'new'), tagged(['5'], 'old')], (r) => r.data(), (d) => d.key);
    expect((await stream.next(3)).map((d) => d.list)).toEqual(['new', 'new', 'old']);
  });
});
