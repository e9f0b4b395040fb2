import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/gc.ts';

describe('collectGarbage', () => {
  it('frees an object nothing refers to any more, and keeps one still referred to', async () => {
    const droppedRef = new WeakRef({ payload: new Array(1000).fill('x') });
    const kept = { payload: 'still here' };
    const keptRef = new WeakRef(kept);
    // A WeakRef's target is held until the job that made it ends.
    await tick();
    collectGarbage();
    expect(droppedRef.deref()).toBeUndefined();
    expect(keptRef.deref()).toBe(kept);
  });

  it('can be called again (the exposed function is reused)', async () => {
    const ref = new WeakRef({ n: 1 });
    await tick();
    collectGarbage();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
