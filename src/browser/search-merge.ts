/**
 * One ordered stream of search results over several monthly indexes, read a page at a time. By
 * relevance, Pagefind has already ranked the results of every index it merged; by date or upvotes,
 * each month's results come sorted and the months are merged by comparing only the heads of their
 * lists. A result's data (and with it its sort key) is loaded only when it reaches a head, so the
 * browser never downloads the data of results it does not show.
 */

export interface ResultStream<D> {
  /** Results in the whole stream. */
  readonly total: number;
  /** The next `count` results, fewer at the end. */
  next(count: number): Promise<D[]>;
  done(): boolean;
}

/** A stream over a list already in order. */
export function listStream<T, D>(items: T[], load: (item: T) => Promise<D>): ResultStream<D> {
  let cursor = 0;
  return {
    total: items.length,
    async next(count) {
      const page = items.slice(cursor, cursor + count);
      cursor += page.length;
      return Promise.all(page.map(load));
    },
    done: () => cursor >= items.length,
  };
}

/**
 * Merges lists each sorted by `key` descending into one list by `key` descending; equal keys keep
 * the order of the lists (the newest month first).
 */
export function mergedStream<T, D>(lists: T[][], load: (item: T) => Promise<D>, key: (data: D) => string): ResultStream<D> {
  const cursors = lists.map(() => 0);
  const heads = new Map<number, D>();
  const open = () => lists.flatMap((list, i) => ((cursors[i] as number) < list.length ? [i] : []));

  async function loadHeads(): Promise<void> {
    const missing = open().filter((i) => !heads.has(i));
    const loaded = await Promise.all(missing.map((i) => load((lists[i] as T[])[cursors[i] as number] as T)));
    missing.forEach((i, n) => heads.set(i, loaded[n] as D));
  }

  function takeBest(): D | undefined {
    let best: number | undefined;
    for (const i of open()) {
      if (best === undefined || key(heads.get(i) as D) > key(heads.get(best) as D)) best = i;
    }
    if (best === undefined) return undefined;
    const data = heads.get(best) as D;
    heads.delete(best);
    cursors[best] = (cursors[best] as number) + 1;
    return data;
  }

  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    async next(count) {
      const page: D[] = [];
      while (page.length < count) {
        await loadHeads();
        const data = takeBest();
        if (data === undefined) break;
        page.push(data);
      }
      return page;
    },
    done: () => open().length === 0,
  };
}
