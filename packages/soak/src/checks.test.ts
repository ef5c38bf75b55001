import { applyRules, type RulesState } from '@live-scores/notify';
import { NotificationRules, type NotificationEvent, type Scorecard } from '@live-scores/schema';
import { playMatch, truthScorecard } from '@live-scores/simulator';
import { describe, expect, it } from 'vitest';
import { checkDay, type DayObservations } from './checks.ts';

const MATCH = '7000001';
const RULES = NotificationRules.parse({ oversInterval: 1 });
const timeline = playMatch({
  seed: 'd',
  home: { club: 'Cleckheaton CC', text: 'Cleckheaton CC - 1st XI' },
  away: { club: 'Scholes CC', text: 'Scholes CC - 1st XI' },
  oversPerSide: 5,
});
const truths: Scorecard[] = timeline.states.map((state, version) =>
  truthScorecard(timeline, state, {
    matchId: MATCH,
    teamId: 'firstTeam',
    url: `http://127.0.0.1/website/results/${MATCH}`,
    capturedAt: new Date(Date.UTC(2026, 5, 13) + version * 1000).toISOString(),
    seq: version,
  }),
);

function eventsOf(sequence: Scorecard[]): NotificationEvent[] {
  let state: RulesState | undefined;
  return sequence.flatMap((scorecard) => {
    const applied = applyRules(state, scorecard, { rules: RULES, teamLabel: '1st XI' });
    state = applied.state;
    return applied.events;
  });
}
const payload = (e: NotificationEvent) => ({
  matchId: e.matchId,
  kind: e.kind,
  title: e.title,
  body: e.body,
});

/** A day where everything went right: the scraper saw every other ball and nothing failed. */
function cleanDay(): DayObservations {
  const seen = truths.filter((_, v) => v % 2 === 0 || v === truths.length - 1);
  const events = eventsOf(seen);
  return {
    matches: [{ matchId: MATCH, teamId: 'firstTeam' }],
    truth: new Map([[MATCH, truths]]),
    rules: RULES,
    teamLabels: { firstTeam: '1st XI' },
    stored: seen,
    finalStored: new Map([[MATCH, truths.at(-1)]]),
    frames: seen,
    events,
    subscribers: [
      { name: 'everything', gone: false, received: events.map(payload), stillSubscribed: true },
      {
        name: 'wickets only',
        preferences: { kinds: ['wicket'] },
        gone: false,
        received: events.filter((e) => e.kind === 'wicket').map(payload),
        stillSubscribed: true,
      },
      { name: 'uninstalled', gone: true, received: [], stillSubscribed: false },
    ],
    cmsWrites: [],
    cmsReportWrites: [MATCH],
    reportsStored: [MATCH],
    poisonMatchId: MATCH,
    deadLetters: [{ queue: 'update-cms', matchId: MATCH }],
    scrapersListed: 0,
    scraperProcessesAlive: [],
    memory: { baselineMb: 150, finalMb: 160, growth: 160 / 150 - 1, samples: 40 },
    memoryLimit: 0.2,
  };
}
const failed = (day: DayObservations) => checkDay(day).filter((r) => !r.pass);

describe('the match-day checks', () => {
  it('pass every check on a day where nothing went wrong', () => {
    expect(cleanDay().events.length).toBeGreaterThan(5);
    expect(failed(cleanDay())).toEqual([]);
  });

  it('catch a page that was sent an older scorecard after a newer one', () => {
    const day = cleanDay();
    day.frames = [...day.frames.slice(0, 6), day.frames[4]!, ...day.frames.slice(6)];
    expect(failed(day)).toEqual([
      {
        name: 'broadcast scorecards never went backwards',
        pass: false,
        detail: `match ${MATCH} went from version 10 back to 8`,
      },
    ]);
  });

  it('catch a notification pushed twice to one subscriber', () => {
    const day = cleanDay();
    const everything = day.subscribers[0]!;
    everything.received = [...everything.received, everything.received[0]!];
    expect(failed(day).map((r) => r.name)).toEqual(['everything: each matching event pushed once']);
  });

  it('catch an event the rules called for that was never queued', () => {
    const day = cleanDay();
    const [lost, ...rest] = day.events;
    day.events = rest;
    day.subscribers[0]!.received = rest.map(payload);
    day.subscribers[1]!.received = rest.filter((e) => e.kind === 'wicket').map(payload);
    const [queued] = failed(day);
    expect(queued).toMatchObject({ name: 'every notification-worthy event queued exactly once' });
    expect(queued!.detail).toContain(`missing: ${lost!.id}`);
  });

  it('catch a subscriber whose 410 did not remove it, a final score that differs, and memory that grew', () => {
    const day = cleanDay();
    day.subscribers[2]!.stillSubscribed = true;
    day.finalStored = new Map([[MATCH, truths.at(-2)]]);
    day.memory = { baselineMb: 150, finalMb: 200, growth: 200 / 150 - 1, samples: 40 };
    expect(failed(day).map((r) => r.name)).toEqual([
      'final scorecards (stored and on the page) equal the truth',
      'uninstalled: 410 → removed, nothing delivered',
      'memory flat (RSS growth ≤ 20 % after warm-up)',
    ]);
  });

  it('catch a match whose report was never written, or reached the CMS twice', () => {
    const unwritten = cleanDay();
    unwritten.reportsStored = [];
    const twice = cleanDay();
    twice.cmsReportWrites = [MATCH, MATCH];
    for (const day of [unwritten, twice])
      expect(failed(day).map((r) => r.name)).toEqual([
        'every finished match has its report stored, and in the CMS once',
      ]);
  });
});
