import { median } from './numbers.ts';

export interface MemoryVerdict {
  /** Median RSS just after warm-up and over the last part of the day, MB. */
  baselineMb: number;
  finalMb: number;
  growth: number;
  samples: number;
}

export interface MemorySampler {
  stop(): MemoryVerdict;
}

/** Share of the day treated as warm-up (caches, JIT, first browser pages), then the baseline window. */
const WARM_UP = 0.25;
const BASELINE_WINDOW = 0.2;
const FINAL_WINDOW = 0.2;

/**
 * Samples this process's RSS (the runtime's queues, stores and sockets live here) through the
 * day. Medians of windows, not single samples, so one garbage-collection swing is not "growth".
 */
export function sampleMemory(everyMs: number): MemorySampler {
  const samples: number[] = [];
  const take = () => void samples.push(process.memoryUsage().rss / 2 ** 20);
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const at = (share: number) => Math.floor(samples.length * share);
      const baseline = samples.slice(at(WARM_UP), Math.max(at(WARM_UP + BASELINE_WINDOW), at(WARM_UP) + 1));
      const final = samples.slice(at(1 - FINAL_WINDOW));
      const baselineMb = median(baseline);
      const finalMb = median(final);
      return { baselineMb, finalMb, growth: finalMb / baselineMb - 1, samples: samples.length };
    },
  };
}
