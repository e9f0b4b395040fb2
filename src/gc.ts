/**
 * A full garbage collection on demand, for the moments a large build knows most of its heap has just
 * become garbage (Eleventy's run, a search shard). V8 would collect it too, but only once the heap
 * had grown by its growing factor past what was live before — on a 60,000-paper site, 400 MB of
 * Eleventy's garbage held through the listing pages while Pagefind indexes beside them. Node exposes
 * `gc` only to code compiled after `--expose-gc` is set, so it is taken from a fresh context.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/** Collects garbage now, all generations, and returns once it is done. */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
