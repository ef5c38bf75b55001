import type { NotificationEvent, NotificationKind } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { digestOf, groupForDigest } from './digest.ts';

const START = Date.parse('2025-06-14T13:00:00.000Z');
const event = (id: string, kind: NotificationKind, atSeconds: number, body = id): NotificationEvent => ({
  id: `6123456:${id}`,
  matchId: '6123456',
  teamId: 'firstTeam',
  kind,
  title: `1st XI · ${kind}`,
  body,
  createdAt: new Date(START + atSeconds * 1000).toISOString(),
});
const ids = (groups: NotificationEvent[][]) => groups.map((g) => g.map((e) => e.id.slice(8)));

describe('the push digest', () => {
  it('puts events within the window of the first into one push, and a later one into the next', () => {
    const events = [event('w1', 'wicket', 0), event('w2', 'wicket', 60), event('w3', 'wicket', 91)];
    expect(ids(groupForDigest(events, 90_000))).toEqual([['w1', 'w2'], ['w3']]);
  });

  it('never holds a result back: it closes its window at once', () => {
    const events = [event('w1', 'wicket', 0), event('result', 'result', 10), event('late', 'overs', 20)];
    expect(ids(groupForDigest(events, 90_000))).toEqual([['w1', 'result'], ['late']]);
  });

  it('puts each event in exactly one push, however often it is redelivered', () => {
    const w1 = event('w1', 'wicket', 0);
    const groups = groupForDigest([w1, w1, event('o', 'overs', 5), w1], 90_000);
    expect(ids(groups)).toEqual([['w1', 'o']]);
  });

  it('sends every event alone with a window of 0', () => {
    const events = [event('a', 'wicket', 0), event('b', 'wicket', 0)];
    expect(ids(groupForDigest(events, 0))).toEqual([['a'], ['b']]);
  });

  it('words two wickets and the score as one push', () => {
    const digest = digestOf([
      event('1:wicket:4', 'wicket', 0, 'WICKET: A Smith b J Thurwell 12'),
      event('1:wicket:5', 'wicket', 30, 'WICKET: B Jones lbw 0'),
      event('1:overs:12', 'overs', 40, 'Scholes 45/5 (12 ov)'),
    ]);
    expect(digest).toMatchObject({
      id: '6123456:1:wicket:4:digest',
      kind: 'wicket',
      title: '1st XI · 2 wickets',
      body: '2 wickets: A Smith b J Thurwell 12, B Jones lbw 0. Scholes 45/5 (12 ov)',
      includes: ['6123456:1:wicket:4', '6123456:1:wicket:5', '6123456:1:overs:12'],
    });
  });

  it('sends a lone event as it is, and shows a digest with a result as a result', () => {
    const lone = event('1:wicket:1', 'wicket', 0);
    expect(digestOf([lone])).toEqual({ ...lone, includes: [lone.id] });
    expect(digestOf([event('2:end', 'innings-end', 0), event('result', 'result', 1)]).kind).toBe('result');
  });
});
