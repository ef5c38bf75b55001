import { applyRules, digestOf, groupForDigest, type RulesState } from '@live-scores/notify';
import {
  NotificationRules,
  SubscriptionMode,
  wantsNotification,
  type NotificationEvent,
} from '@live-scores/schema';
import { playMatch, truthScorecard } from '@live-scores/simulator';
import type { Benchmark, BenchResult } from '../types.ts';

export interface DigestBenchOptions {
  /** Matches in the replayed day (one per team), each seeded from its index. */
  matches?: number;
  oversPerSide?: number;
  windowSeconds?: number;
}

export interface DigestFigures {
  mode: SubscriptionMode;
  events: number;
  pushesWithout: number;
  pushesWith: number;
  missing: number;
  duplicated: number;
}

const START = Date.UTC(2026, 5, 13, 12, 30);

/**
 * A simulated match day replayed ball by ball, each scorecard stamped with its match time, through
 * the rules: every event the day tells, in order, match by match.
 */
export function replayedDay(matches: number, oversPerSide: number): NotificationEvent[][] {
  const rules = NotificationRules.parse({});
  return Array.from({ length: matches }, (_, i) => {
    const matchId = String(8_000_001 + i);
    const timeline = playMatch({
      seed: `digest-${i}`,
      home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
      away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
      oversPerSide,
    });
    let state: RulesState | undefined;
    const events: NotificationEvent[] = [];
    timeline.states.forEach((matchState, version) => {
      const card = truthScorecard(timeline, matchState, {
        matchId,
        teamId: 'firstTeam',
        url: `http://127.0.0.1/website/results/${matchId}`,
        capturedAt: new Date(START + matchState.elapsed * 1000 + version).toISOString(),
        seq: version,
      });
      const applied = applyRules(state, card, { rules, teamLabel: '1st XI' });
      state = applied.state;
      events.push(...applied.events);
    });
    return events;
  });
}

/**
 * Pushes one supporter of each mode gets over the day, one per event and with the digest, and
 * whether the digests carry every wanted event exactly once. Each match's events are delivered
 * twice, as an at-least-once queue may, so a redelivery that reappeared would count as duplicated.
 */
export function digestFigures(day: NotificationEvent[][], windowMs: number): DigestFigures[] {
  return SubscriptionMode.options.map((mode) => {
    let events = 0;
    let pushesWith = 0;
    let missing = 0;
    let duplicated = 0;
    for (const match of day) {
      const wanted = match.filter((e) => wantsNotification({ mode }, e.teamId, e.kind));
      const redelivered = wanted.flatMap((e) => [e, e]);
      const pushes = groupForDigest(redelivered, windowMs).map(digestOf);
      const carried = pushes.flatMap((p) => p.includes);
      events += wanted.length;
      pushesWith += pushes.length;
      missing += wanted.filter((e) => !carried.includes(e.id)).length;
      duplicated += carried.length - new Set(carried).size;
    }
    return { mode, events, pushesWithout: events, pushesWith, missing, duplicated };
  });
}

/** `npm run bench -- digest`: pushes per supporter over a replayed match day, with and without the digest. */
export function digestBenchmark(options: DigestBenchOptions = {}): Benchmark {
  const matches = options.matches ?? 4;
  const oversPerSide = options.oversPerSide ?? 40;
  const windowSeconds = options.windowSeconds ?? 90;
  return {
    name: 'digest',
    async run(): Promise<BenchResult[]> {
      const figures = digestFigures(replayedDay(matches, oversPerSide), windowSeconds * 1000);
      const everything = figures.find((f) => f.mode === 'everything')!;
      const fewer = 100 * (1 - everything.pushesWith / Math.max(1, everything.pushesWithout));
      return [
        {
          key: 'digest.fewer_pushes_pct',
          label: `pushes saved by a ${windowSeconds} s digest, everything mode, ${matches} matches`,
          value: Math.round(fewer * 10) / 10,
          unit: '%',
          target: { op: '>=', value: 40 },
          detail: { missing: everything.missing, duplicated: everything.duplicated },
        },
        ...figures.map((f) => ({
          key: `digest.pushes.${f.mode}`,
          label: `pushes per supporter over the day, ${f.mode}, with the digest`,
          value: f.pushesWith,
          unit: 'pushes',
          detail: { without: f.pushesWithout, missing: f.missing, duplicated: f.duplicated },
        })),
      ];
    },
  };
}
