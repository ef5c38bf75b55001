import { NotificationRules, type Scorecard } from '@live-scores/schema';
import { playMatch, truthScorecard } from '@live-scores/simulator';
import { describe, expect, it } from 'vitest';
import {
  captureKey,
  eventDueVersions,
  firstAppliedFrom,
  latenciesToArrival,
  scorecardContent,
  versionsByCapture,
  versionsByContent,
} from './freshness-correlation.ts';

const MATCH = '7000001';
const timeline = playMatch({
  seed: 'd', // a short match with a first-innings wicket
  home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
  away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
  oversPerSide: 5,
});
const truths: Scorecard[] = timeline.states.map((state, version) =>
  truthScorecard(timeline, state, {
    matchId: MATCH,
    teamId: 'firstTeam',
    url: `http://127.0.0.1/website/results/${MATCH}`,
    capturedAt: new Date(Date.UTC(2026, 5, 13) + version).toISOString(),
    seq: version,
  }),
);

describe('correlating what was received with the change that caused it', () => {
  it('finds the version a scorecard shows from its content alone, whatever its capture time', () => {
    const byContent = versionsByContent(truths);
    const received = { ...truths[12]!, capturedAt: '2026-06-13T15:00:00.000Z', seq: 3 };
    expect(byContent.get(scorecardContent(received))).toBe(12);
  });

  it('times each change to the first arrival at or past its version, so a coalesced message counts for both', () => {
    const applied = [
      { matchId: MATCH, version: 1, appliedAt: 1_000 },
      { matchId: MATCH, version: 2, appliedAt: 1_010 },
      { matchId: MATCH, version: 3, appliedAt: 2_000 },
    ];
    const arrivals = [
      { at: 1_060, value: { matchId: MATCH, version: 2 } },
      { at: 2_045, value: { matchId: MATCH, version: 3 } },
    ];
    const timed = latenciesToArrival(applied, arrivals);
    expect(timed).toMatchObject({ latenciesMs: [60, 50, 45], missed: 0 });
    expect(timed.reflected.map((r) => [r.change.version, r.arrival.at])).toEqual([
      [1, 1_060],
      [2, 1_060],
      [3, 2_045],
    ]);
    expect(latenciesToArrival([{ matchId: MATCH, version: 4, appliedAt: 3_000 }], arrivals)).toEqual({
      latenciesMs: [],
      reflected: [],
      missed: 1,
    });
  });

  it('dates each notification to the version at which the rules first made it due', () => {
    const due = eventDueVersions(truths, NotificationRules.parse({ oversInterval: 1 }), '1st XI');
    const firstWicket = truths.findIndex((t) => t.innings[0]?.total.wickets === 1);
    expect(firstWicket).toBeGreaterThan(0);
    expect(due.get(`${MATCH}:1:wicket:1`)).toBe(firstWicket);
    const firstOver = truths.findIndex((t) => t.innings[0]?.total.overs === '1');
    expect(due.get(`${MATCH}:1:overs:1`)).toBe(firstOver);
    expect(due.get(`${MATCH}:result`)).toBe(truths.length - 1);
  });

  it('starts a notification’s clock at the first change the browser applied from its version on', () => {
    const applied = [
      { matchId: MATCH, version: 3, appliedAt: 10 },
      { matchId: MATCH, version: 6, appliedAt: 20 },
      { matchId: '7000002', version: 5, appliedAt: 15 },
    ];
    expect(firstAppliedFrom(applied, MATCH, 5)).toEqual({ matchId: MATCH, version: 6, appliedAt: 20 });
    expect(firstAppliedFrom(applied, MATCH, 7)).toBeUndefined();
  });

  it('dates a first-sight summary by the version of the scorecard it was computed from', () => {
    const received = [
      { at: 100, value: { matchId: MATCH, capturedAt: '2026-06-13T13:00:01.000Z', version: 4 } },
      { at: 180, value: { matchId: MATCH, capturedAt: '2026-06-13T13:00:02.000Z', version: 5 } },
    ];
    const versions = versionsByCapture(received);
    expect(versions.get(captureKey(MATCH, '2026-06-13T13:00:02.000Z'))).toBe(5);
    expect(versions.get(captureKey(MATCH, '2026-06-13T13:00:03.000Z'))).toBeUndefined();
    expect(versions.get(captureKey('7000002', '2026-06-13T13:00:01.000Z'))).toBeUndefined();
  });
});
