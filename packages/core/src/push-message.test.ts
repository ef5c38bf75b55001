import type { NotificationEvent } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { pushMessageForEvent } from './push-message.ts';

const event = (kind: NotificationEvent['kind']): NotificationEvent => ({
  id: `6123456:2:${kind}`,
  matchId: '6123456',
  teamId: 'firstTeam',
  kind,
  title: '1st XI · Result',
  body: 'Cleckheaton WON BY 4 WICKETS',
  createdAt: '2025-06-14T17:40:00.000Z',
});
const options = { pageUrl: 'https://scores.club.example/', ttlSeconds: { score: 1800, result: 86_400 } };

describe('the notification link', () => {
  it('opens the page at the match for a score', () => {
    expect(pushMessageForEvent(event('wicket'), options).payload.url).toBe(
      'https://scores.club.example/?match=6123456',
    );
  });

  it('opens the match report for the result, on an absolute or a relative page URL', () => {
    expect(pushMessageForEvent(event('result'), options).payload.url).toBe(
      'https://scores.club.example/?match=6123456&report=1',
    );
    expect(pushMessageForEvent(event('result'), { ...options, pageUrl: '/' }).payload.url).toBe(
      '/?match=6123456&report=1',
    );
  });
});
