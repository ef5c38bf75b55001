import { LiveScorecardMessage } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { chaseInProgress, matchDay } from '../test-support/fixtures.ts';
import { parseLiveMessage, scorecardsFromResponse } from './scorecard-guard.ts';

describe('reading what the server sends', () => {
  it('accepts every scorecard frame the zod contract accepts', () => {
    for (const scorecard of matchDay()) {
      const frame = JSON.stringify(LiveScorecardMessage.parse({ type: 'scorecard', scorecard }));
      expect(parseLiveMessage(frame)?.scorecard).toEqual(scorecard);
    }
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
