import type { Scorecard } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { GAME_OVER_FILTER_POLICY, isGameOver, matchesFilterPolicy } from './is-game-over.ts';

const card = (status: Scorecard['status']): Scorecard => ({
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2025-06-14T17:00:00.000Z',
  seq: 1,
  status,
  result: status === 'complete' ? 'MATCH TIED' : null,
  innings: [],
});

describe('game over', () => {
  it('is status "complete", and nothing else', () => {
    expect(isGameOver(card('complete'))).toBe(true);
    expect(isGameOver(card('in-progress'))).toBe(false);
    expect(isGameOver(card('not-started'))).toBe(false);
  });

  it('is expressed as the SNS filter policy the AWS subscriptions use', () => {
    expect(GAME_OVER_FILTER_POLICY).toEqual({ status: ['complete'] });
    expect(JSON.parse(JSON.stringify(GAME_OVER_FILTER_POLICY))).toEqual({ status: ['complete'] });
  });

  it('evaluates a policy as SNS does for exact strings: every named attribute must match one value', () => {
    const policy = { status: ['complete'], teamId: ['firstTeam', 'secondTeam'] };
    expect(matchesFilterPolicy(policy, { status: 'complete', teamId: 'secondTeam', matchId: '1' })).toBe(
      true,
    );
    expect(matchesFilterPolicy(policy, { status: 'complete', teamId: 'thirdTeam' })).toBe(false);
    expect(matchesFilterPolicy(policy, { teamId: 'firstTeam' })).toBe(false);
  });
});
