/**
 * Faults an at-least-once queue is allowed to have, injected on purpose (the soak test): a
 * message delivered twice, or held back so later messages overtake it. SQS standard queues do
 * both; consumers that survive this survive SQS.
 */
export interface QueueFaults {
  /** Share of accepted messages delivered a second time, 0–1. */
  duplicateRate: number;
  /** Share of accepted messages held back before delivery, so later ones overtake them, 0–1. */
  reorderRate: number;
  /** Longest hold for a reordered message. */
  maxHoldMs: number;
  /** The same seed gives the same faults for the same sequence of messages. */
  seed: string;
}

export interface FaultInjector {
  /** Whether this message gets a second delivery. */
  duplicate(): boolean;
  /** How long to hold this message back (0: deliver in order). */
  holdMs(): number;
}

/** A small seeded generator (mulberry32 over an FNV-1a hash of the seed): reproducible faults. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultInjector(faults: QueueFaults): FaultInjector {
  const random = seededRandom(faults.seed);
  return {
    duplicate: () => random() < faults.duplicateRate,
    holdMs: () => (random() < faults.reorderRate ? 1 + Math.floor(random() * faults.maxHoldMs) : 0),
  };
}
