import { createMemoryLogger } from '@live-scores/core';
import { describe, expect, it } from 'vitest';
import { createEmbeddedQueue } from './embedded-queue.ts';
import { createFaultInjector } from './queue-faults.ts';

async function deliveries(
  faults: Parameters<typeof createFaultInjector>[0],
  count: number,
): Promise<number[]> {
  const seen: number[] = [];
  const queue = createEmbeddedQueue<number>({
    name: 'faulty',
    logger: createMemoryLogger(),
    handler: async (n) => void seen.push(n),
    faults,
  });
  for (let n = 0; n < count; n++) await queue.send(n);
  await queue.idle();
  queue.close();
  return seen;
}

describe('fault injection on the embedded queue', () => {
  it('delivers every message twice when told to duplicate them all', async () => {
    const seen = await deliveries({ duplicateRate: 1, reorderRate: 0, maxHoldMs: 0, seed: 'dup' }, 5);
    expect(seen).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('holds some messages back so later ones overtake them, and still delivers each once', async () => {
    const seen = await deliveries({ duplicateRate: 0, reorderRate: 0.5, maxHoldMs: 30, seed: 'order' }, 40);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(seen).not.toEqual([...seen].sort((a, b) => a - b));
  });

  it('injects the same faults for the same seed', () => {
    const draw = (seed: string) => {
      const injector = createFaultInjector({ duplicateRate: 0.1, reorderRate: 0.1, maxHoldMs: 50, seed });
      return Array.from({ length: 200 }, () => [injector.duplicate(), injector.holdMs()]);
    };
    expect(draw('day-1')).toEqual(draw('day-1'));
    expect(draw('day-1')).not.toEqual(draw('day-2'));
    expect(draw('day-1').filter(([dup]) => dup).length).toBeGreaterThan(5);
  });
});
