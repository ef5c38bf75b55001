import type { BroadcastBatch } from '@live-scores/schema';

/** Where a broadcast too large for one invocation is split to. At-least-once. */
export interface BroadcastQueue {
  enqueue(batches: BroadcastBatch[]): Promise<void>;
}
