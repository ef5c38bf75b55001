import {
  NotificationRules,
  type NotificationEvent,
  type PushJob,
  type Scorecard,
  type Subscription,
} from '@live-scores/schema';
import type { PushQueue } from '../ports/push-queue.ts';
import { batter, innings, MATCH_ID, out, scorecard } from '@live-scores/test-support';

/** Scorecards and events for the delivery use cases' tests: one match, told ball by ball. */

export { MATCH_ID };
export const RULES = NotificationRules.parse({});
export const RULE_OPTIONS = { rules: RULES, teamLabel: '1st XI' };

/** The `seq`-th capture of the first innings with `wickets` down (openers fall in order). */
export function scorecardAt(seq: number, wickets: number, teamId = 'firstTeam'): Scorecard {
  const names = ['A Smith', 'B Jones', 'C Brown', 'D White', 'E Green'];
  const batting = names.map((name, i) =>
    i < wickets
      ? out(name, 'b J Thurwell', 10 + i, { balls: 10 + i })
      : i < wickets + 2
        ? batter(name, { runs: 5, balls: 5 })
        : batter(name, { howOut: '', runs: null, balls: null }),
  );
  const runs = 20 + seq * 3;
  const fallOfWickets = Array.from({ length: wickets }, (_, i) => `${i + 1}-${15 + i}`).join(' ');
  return scorecard({
    teamId,
    seq,
    innings: [innings('Cleckheaton', { runs, wickets, overs: `${seq}`, batting, fallOfWickets })],
  });
}

export function eventOf(
  kind: NotificationEvent['kind'],
  overrides: Partial<NotificationEvent> = {},
): NotificationEvent {
  return {
    id: `${MATCH_ID}:1:${kind}:1`,
    matchId: MATCH_ID,
    teamId: 'firstTeam',
    kind,
    title: '1st XI: wicket',
    body: 'A Smith b J Thurwell 10 — Cleckheaton 26 for 1',
    createdAt: '2025-06-14T13:00:20.000Z',
    ...overrides,
  };
}

/** A push queue that keeps what was enqueued, and the delay each batch asked for. */
export function recordingQueue(): PushQueue & { jobs: PushJob[]; delays: (number | undefined)[] } {
  const jobs: PushJob[] = [];
  const delays: (number | undefined)[] = [];
  return {
    jobs,
    delays,
    enqueueEvents: async () => undefined,
    enqueueDigestFlush: async () => undefined,
    enqueueJobs: async (batch, options) => {
      jobs.push(...batch);
      delays.push(options?.delayMs);
    },
  };
}

/** A subscription as stored: endpoint, keys and preferences, nothing else a receiver added. */
export const plain = (s: Subscription): Subscription => ({
  endpoint: s.endpoint,
  keys: s.keys,
  ...(s.preferences ? { preferences: s.preferences } : {}),
});
