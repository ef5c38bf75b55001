import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compareScorecards,
  NotificationEvent,
  NotificationKind,
  oneLineReason,
  Scorecard,
  Subscription,
  SubscriptionPreferences,
  wantsNotification,
} from './index.ts';

function browserKeys() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url'),
  ]);
  return { p256dh: point.toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

const card = {
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2026-06-13T13:05:00.000Z',
  status: 'in-progress',
  result: null,
  innings: [
    {
      team: 'Scholes',
      batting: [
        {
          name: 'S Mahmood',
          howOut: 'not out',
          out: false,
          runs: 12,
          balls: 20,
          minutes: 25,
          fours: 1,
          sixes: 0,
          strikeRate: 60,
        },
      ],
      extras: 3,
      total: { runs: 15, wickets: 0, overs: '4.2', text: '15 for 0 (4.2 Overs, 25 mins)' },
      fallOfWickets: '',
      bowling: [],
    },
  ],
};

describe('Scorecard', () => {
  it('accepts the design contract and defaults seq to 0', () => {
    expect(Scorecard.parse(card).seq).toBe(0);
  });

  it('rejects decimal overs, negative runs and unknown statuses with the field named', () => {
    const bad = structuredClone(card) as Record<string, unknown> & typeof card;
    bad.innings[0]!.total.overs = '4.7';
    const result = Scorecard.safeParse(bad);
    expect(result.success).toBe(false);
    expect(oneLineReason(result.error!)).toBe('innings[0].total.overs: expected overs like "33" or "33.4"');
    expect(Scorecard.safeParse({ ...card, status: 'live' }).success).toBe(false);
    expect(Scorecard.safeParse({ ...card, matchId: 'abc' }).success).toBe(false);
  });

  it('orders captures by time, then by seq', () => {
    const a = { capturedAt: '2026-06-13T13:05:00.000Z', seq: 4 };
    expect(compareScorecards({ ...a, seq: 5 }, a)).toBeGreaterThan(0);
    expect(compareScorecards({ ...a, capturedAt: '2026-06-13T13:04:59.000Z', seq: 9 }, a)).toBeLessThan(0);
    expect(compareScorecards(a, { ...a })).toBe(0);
  });
});

describe('Subscription', () => {
  const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';

  it('accepts what a browser produces', () => {
    expect(Subscription.safeParse({ endpoint, keys: browserKeys() }).success).toBe(true);
  });

  it('rejects keys of the wrong length or alphabet', () => {
    const keys = browserKeys();
    const short = { ...keys, p256dh: keys.p256dh.slice(0, 40) };
    expect(oneLineReason(Subscription.safeParse({ endpoint, keys: short }).error!)).toMatch(
      /^keys\.p256dh: /,
    );
    const longAuth = { ...keys, auth: randomBytes(32).toString('base64url') };
    expect(oneLineReason(Subscription.safeParse({ endpoint, keys: longAuth }).error!)).toMatch(
      /^keys\.auth: /,
    );
    const notBase64 = { ...keys, auth: '!!!!!!!!!!!!!!!!!!!!!!' };
    expect(Subscription.safeParse({ endpoint, keys: notBase64 }).success).toBe(false);
  });

  it('rejects unknown notification kinds in preferences', () => {
    const sub = { endpoint, keys: browserKeys(), preferences: { kinds: ['gossip'] } };
    expect(Subscription.safeParse(sub).success).toBe(false);
  });
});

describe('wantsNotification', () => {
  it('treats absent preferences as everything and filters by team and kind', () => {
    expect(wantsNotification(undefined, 'firstTeam', 'wicket')).toBe(true);
    expect(wantsNotification({ teams: ['secondTeam'] }, 'firstTeam', 'wicket')).toBe(false);
    expect(wantsNotification({ kinds: ['result'] }, 'firstTeam', 'wicket')).toBe(false);
    expect(wantsNotification({ teams: ['firstTeam'], kinds: ['wicket'] }, 'firstTeam', 'wicket')).toBe(true);
  });

  const told = (mode: 'everything' | 'key-moments' | 'results-only' | undefined) =>
    NotificationKind.options.filter((kind) => wantsNotification(mode ? { mode } : {}, 'firstTeam', kind));

  it('lets every kind through in `everything`, which is what a subscription without a mode gets', () => {
    expect(told('everything')).toEqual(NotificationKind.options);
    expect(told(undefined)).toEqual(NotificationKind.options);
  });

  it('keeps to wickets, milestones, results and match state in `key-moments`', () => {
    expect(told('key-moments')).toEqual([
      'wicket',
      'batting-milestone',
      'bowling-milestone',
      'result',
      'play-started',
      'innings-break',
      'abandoned',
    ]);
  });

  it('keeps to how the match ended in `results-only`', () => {
    expect(told('results-only')).toEqual(['result', 'abandoned']);
  });

  it('applies the mode on top of the teams and kinds chosen', () => {
    expect(wantsNotification({ mode: 'results-only', teams: ['secondTeam'] }, 'firstTeam', 'result')).toBe(
      false,
    );
    expect(wantsNotification({ mode: 'key-moments', kinds: ['overs', 'wicket'] }, 'firstTeam', 'overs')).toBe(
      false,
    );
  });

  it('rejects an unknown mode', () => {
    expect(SubscriptionPreferences.safeParse({ mode: 'sometimes' }).success).toBe(false);
  });
});

describe('NotificationEvent', () => {
  it('requires a known kind and an id', () => {
    const event = {
      id: '6123456:1:wicket:3',
      matchId: '6123456',
      teamId: 'firstTeam',
      kind: 'wicket',
      title: '1st XI · Wicket',
      body: 'WICKET: A Deegan ct Smith b Jones 35',
      createdAt: '2026-06-13T13:05:00.000Z',
    };
    expect(NotificationEvent.parse(event)).toEqual(event);
    expect(NotificationEvent.safeParse({ ...event, kind: 'boundary' }).success).toBe(false);
  });
});
