import { LiveOversMessage, OverHistory } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { parseLiveMessage } from '../scoreboard/scorecard-guard.ts';
import { simulatedMatch } from '../test-support/simulated-match.ts';
import { LatestOverHistories } from './latest-over-histories.ts';
import { isOverHistory } from './over-history-guard.ts';

const match = simulatedMatch({ matchId: '7000001', teamId: 'firstTeam', seed: 7, oversPerSide: 20 });
const histories = [40, 120, 200].map((n) => match.historyOf(match.scorecards.slice(0, n)));

describe('reading an over history', () => {
  it('accepts every history the zod contract accepts, as an HTTP body and as a socket frame', () => {
    for (const history of histories) {
      expect(isOverHistory(OverHistory.parse(history))).toBe(true);
      const frame = JSON.stringify(LiveOversMessage.parse({ type: 'overs', history }));
      expect(parseLiveMessage(frame)).toEqual({ type: 'overs', history });
    }
  });

  it('refuses a history with a negative run, a bad position or a gap with figures', () => {
    const [history] = histories as [OverHistory];
    const innings = history.innings[0]!;
    const broken = [
      { ...history, innings: [{ ...innings, latest: { ...innings.latest, runs: -1 } }] },
      { ...history, upTo: { capturedAt: 'yesterday', seq: 1 } },
      { ...history, innings: [{ ...innings, overs: [{ over: 1, gap: true, runs: 3 }] }] },
    ];
    for (const value of broken) {
      expect(OverHistory.safeParse(value).success).toBe(false);
      expect(isOverHistory(value)).toBe(false);
    }
    expect(parseLiveMessage(JSON.stringify({ type: 'overs', history: broken[0] }))).toBeNull();
  });

  it('refuses overs that are not numbered 1, 2, 3, …: the charts place each over by its number', () => {
    const [history] = histories as [OverHistory];
    const innings = history.innings[0]!;
    expect(isOverHistory({ ...history, innings: [{ ...innings, overs: innings.overs.slice(1) }] })).toBe(
      false,
    );
  });
});

describe('the histories a page holds', () => {
  it('keeps the one folded up to the later scorecard, whatever order they come in', () => {
    const [early, middle, late] = histories as [OverHistory, OverHistory, OverHistory];
    const held = new LatestOverHistories();
    expect([
      held.offer(middle),
      held.offer(early),
      held.offer(late),
      held.offer(middle),
      held.offer(late),
    ]).toEqual([true, false, true, false, false]);
    expect(held.get('7000001')).toBe(late);
  });
});
