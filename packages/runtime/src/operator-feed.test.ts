import { describe, expect, it } from 'vitest';
import type { NotificationEvent, Scorecard } from '@live-scores/schema';
import { createOperatorFeed } from './operator-feed.ts';

const card = (status: Scorecard['status'], runs: number, result: string | null = null): Scorecard => ({
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://example.play-cricket.com/website/results/6123456',
  capturedAt: '2026-06-13T13:00:00.000Z',
  seq: runs,
  status,
  result,
  innings: [
    {
      team: 'Cleckheaton',
      batting: [],
      extras: 0,
      total: { runs, wickets: 1, overs: '10', text: `${runs} for 1 (10 Overs)` },
      fallOfWickets: '',
      bowling: [],
    },
  ],
});

const event = (
  id: string,
  kind: NotificationEvent['kind'],
  title: string,
  body: string,
): NotificationEvent => ({
  id,
  matchId: '6123456',
  teamId: 'firstTeam',
  kind,
  title,
  body,
  createdAt: '2026-06-13T13:00:00.000Z',
});

describe("the operator's feed", () => {
  it('says each moment of a match once: play, wickets, the result', () => {
    const lines: string[] = [];
    const feed = createOperatorFeed((line) => lines.push(line.slice(10)));
    feed.scorecard(card('in-progress', 40));
    feed.notification(event('6123456:catch-up', 'overs', '1st XI · Live score', 'Cleckheaton 40/1 (10 ov)'));
    feed.scorecard(card('in-progress', 44));
    feed.notification(
      event('6123456:1:wicket:2', 'wicket', '1st XI · Wicket', 'WICKET: A Deegan b Smith 12'),
    );
    feed.scorecard(card('complete', 200, 'Cleckheaton WON BY 8 WICKETS'));
    feed.notification(event('6123456:result', 'result', '1st XI · Result', 'Cleckheaton WON BY 8 WICKETS'));
    expect(lines).toEqual([
      'play: firstTeam (match 6123456): Cleckheaton 40/1 (10 ov)',
      'wicket: 1st XI · Wicket - WICKET: A Deegan b Smith 12',
      'result: firstTeam (match 6123456): Cleckheaton WON BY 8 WICKETS',
    ]);
  });
});
