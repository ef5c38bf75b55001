import { describe, expect, it } from 'vitest';
import { parseMatchPage } from '@live-scores/parser';
import { matchUpdate, playMatch, renderMatchPage, truthScorecard } from './index.ts';

/**
 * The simulator's pages and the parser meet at the source-site shape: reading a
 * rendered page must give back exactly the ground truth it was rendered from.
 */
describe('simulated pages read back through the parser', () => {
  const home = { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' };
  const away = { club: 'Scholes CC', text: 'Scholes CC - 1st XI' };
  const outcomes = [undefined, 'tie', 'abandoned'] as const;
  for (const [i, outcome] of outcomes.entries()) {
    it(`equal the ground truth at every 25th ball of a match (${outcome ?? 'played out'})`, () => {
      const timeline = playMatch({ seed: 1000 + i, home, away, oversPerSide: 20, outcome });
      const source = {
        matchId: '7000001',
        teamId: 'firstTeam',
        url: 'http://127.0.0.1:8081/website/results/7000001',
        capturedAt: '2026-06-13T13:00:00.000Z',
      };
      const checkpoints = timeline.states.filter((_, n) => n % 25 === 0 || n === timeline.states.length - 1);
      for (const [version, state] of checkpoints.entries()) {
        const truth = truthScorecard(timeline, state, { ...source, seq: version });
        const update = matchUpdate(source.matchId, timeline, state);
        const page = renderMatchPage(update, { cookiesAccepted: false, title: 'Simulated match' });
        expect(parseMatchPage(page, { ...source, seq: version })).toEqual(truth);
      }
    });
  }
});
