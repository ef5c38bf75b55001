import { performance } from 'node:perf_hooks';

export interface RoundsOptions {
  /** Untimed calls first, so the JIT has compiled the hot paths. */
  warmup: number;
  rounds: number;
  perRound: number;
}

export interface RoundsTiming {
  /** CPU milliseconds (user + system, GC threads included) per call, one entry per round. */
  roundCpuMs: number[];
  /** Wall-clock milliseconds per call, one entry per round. */
  roundWallMs: number[];
  /** Wall-clock milliseconds of every timed call, for tail percentiles. */
  callMs: number[];
}

/**
 * Times `work` in repeated rounds. Rounds rather than one long run, so the median round
 * shrugs off a burst of GC. Each round is measured in CPU time as well as wall time: on a
 * shared machine other processes stretch the wall clock, while CPU time per call is what
 * one core can actually do.
 */
export function timeRounds(work: () => void, { warmup, rounds, perRound }: RoundsOptions): RoundsTiming {
  for (let i = 0; i < warmup; i++) work();
  const timing: RoundsTiming = { roundCpuMs: [], roundWallMs: [], callMs: [] };
  for (let round = 0; round < rounds; round++) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (let i = 0; i < perRound; i++) {
      const start = performance.now();
      work();
      timing.callMs.push(performance.now() - start);
    }
    const wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    timing.roundWallMs.push(wallMs / perRound);
    timing.roundCpuMs.push((cpu.user + cpu.system) / 1000 / perRound);
  }
  return timing;
}

/**
 * Times two approaches in alternating rounds (A B A B …), each warmed up first, so a drift in
 * the machine's speed (a neighbour starting work) lands on both rather than on whichever ran
 * second.
 */
export function timeInterleaved(
  a: () => void,
  b: () => void,
  { warmup, rounds, perRound }: RoundsOptions,
): { a: RoundsTiming; b: RoundsTiming } {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const empty = (): RoundsTiming => ({ roundCpuMs: [], roundWallMs: [], callMs: [] });
  const timings = { a: empty(), b: empty() };
  for (let round = 0; round < rounds; round++) {
    for (const [key, work] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const one = timeRounds(work, { warmup: 0, rounds: 1, perRound });
      timings[key].roundCpuMs.push(...one.roundCpuMs);
      timings[key].roundWallMs.push(...one.roundWallMs);
      timings[key].callMs.push(...one.callMs);
    }
  }
  return timings;
}
