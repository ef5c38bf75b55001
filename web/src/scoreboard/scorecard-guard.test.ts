import { diffScorecards, LiveDiffMessage, LiveScorecardMessage } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { chaseInProgress, matchDay } from '../test-support/fixtures.ts';
import { afterBall } from '../test-support/scorecard-builder.ts';
import { parseLiveMessage, scorecardsFromResponse } from './scorecard-guard.ts';

describe('reading what the server sends', () => {
  it('accepts every scorecard frame the zod contract accepts', () => {
    for (const scorecard of matchDay()) {
      const frame = JSON.stringify(LiveScorecardMessage.parse({ type: 'scorecard', scorecard }));
      expect(parseLiveMessage(frame)).toEqual({ type: 'scorecard', scorecard });
    }
  });

  it('accepts the diff frames the zod contract accepts, and refuses a diff without its base', () => {
    const before = chaseInProgress();
    const after = afterBall(before, { runs: 4 });
    const diff = LiveDiffMessage.parse({
      type: 'diff',
      matchId: after.matchId,
      teamId: after.teamId,
      base: { capturedAt: before.capturedAt, seq: before.seq },
      capturedAt: after.capturedAt,
      seq: after.seq,
      changes: diffScorecards(before, after),
    });
    expect(parseLiveMessage(JSON.stringify(diff))).toEqual(diff);
    expect(parseLiveMessage(JSON.stringify({ ...diff, base: undefined }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ ...diff, changes: [{ to: 1 }] }))).toBeNull();
  });

  it('ignores pongs, junk, binary data and scorecards missing what the page renders', () => {
    const broken = { ...chaseInProgress(), innings: [{ team: 'Cleckheaton' }] };
    expect(parseLiveMessage('{"type":"pong"}')).toBeNull();
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage(new ArrayBuffer(4))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ type: 'scorecard', scorecard: broken }))).toBeNull();
  });

  it('reads a list, a { scorecards } object or a single scorecard, dropping bad entries', () => {
    const [a, b] = matchDay();
    expect(scorecardsFromResponse([a, { nonsense: true }, b])).toEqual([a, b]);
    expect(scorecardsFromResponse({ scorecards: [a] })).toEqual([a]);
    expect(scorecardsFromResponse(b)).toEqual([b]);
  });
});
