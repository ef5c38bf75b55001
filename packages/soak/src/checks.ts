import { applyRules, type RulesState } from '@live-scores/notify';
import {
  compareScorecards,
  wantsNotification,
  type NotificationEvent,
  type NotificationRules,
  type Scorecard,
  type SubscriptionPreferences,
} from '@live-scores/schema';
import type { MemoryVerdict } from './memory-sampler.ts';

/** One line of the day's verdict. */
export interface CheckResult {
  name: string;
  pass: boolean;
  detail: string;
}

export interface SubscriberRecord {
  name: string;
  preferences?: SubscriptionPreferences;
  /** Its endpoint answered 410 from the first notification on. */
  gone: boolean;
  /** Notification payloads it accepted (the subscription's confirmation left out). */
  received: { matchId: string; kind: string; title: string; body: string }[];
  stillSubscribed: boolean;
}

/** What the day left behind, gathered by the soak for the checks below. */
export interface DayObservations {
  matches: { matchId: string; teamId: string }[];
  /** The simulator's ground truth: every version of each match. */
  truth: Map<string, Scorecard[]>;
  rules: NotificationRules;
  teamLabels: Record<string, string>;
  /** Scorecards as the store wrote them (operator feed), across the restart, in write order. */
  stored: Scorecard[];
  /** The newest stored scorecard of each match at the end. */
  finalStored: Map<string, Scorecard | undefined>;
  /** What the page's WebSocket received, across reconnections, in arrival order. */
  frames: Scorecard[];
  /** Every notification event the runtime queued (operator feed), across the restart. */
  events: NotificationEvent[];
  subscribers: SubscriberRecord[];
  /** Match ids of the results the CMS stub recorded, one per write. */
  cmsWrites: string[];
  /** Match ids of the match reports the CMS stub recorded, one per write. */
  cmsReportWrites: string[];
  /** Match ids with a match report stored at the end of the day. */
  reportsStored: string[];
  poisonMatchId: string;
  deadLetters: { queue: string; matchId: string | undefined }[];
  scrapersListed: number;
  /** Identities (pid@start) of scraper processes still running. */
  scraperProcessesAlive: string[];
  memory: MemoryVerdict;
  memoryLimit: number;
}

const content = (s: Scorecard): string => JSON.stringify([s.status, s.result, s.innings]);
const pushKey = (p: { matchId: string; kind: string; title: string; body: string }): string =>
  `${p.matchId}|${p.kind}|${p.title}|${p.body}`;
const sorted = (values: string[]): string[] => [...values].sort();
const sameList = (a: string[], b: string[]): boolean =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const check = (name: string, pass: boolean, detail: string): CheckResult => ({ name, pass, detail });

/**
 * Every version each scorecard shows, by the ground truth: a scorecard whose content is no
 * version of its match is itself a failure (it would be wrong data on the page).
 */
function versionOf(observations: DayObservations): (s: Scorecard) => number | undefined {
  const byContent = new Map<string, number>();
  for (const [matchId, versions] of observations.truth)
    versions.forEach((truth, version) => byContent.set(`${matchId}|${content(truth)}`, version));
  return (s) => byContent.get(`${s.matchId}|${content(s)}`);
}

/** Whether each match's sequence only ever moves forward, in capture order and in cricket. */
function neverBackwards(sequence: Scorecard[], version: (s: Scorecard) => number | undefined): string[] {
  const problems: string[] = [];
  const last = new Map<string, { scorecard: Scorecard; version: number }>();
  for (const scorecard of sequence) {
    const v = version(scorecard);
    if (v === undefined) {
      problems.push(`match ${scorecard.matchId} seq ${scorecard.seq} is no state of the match`);
      continue;
    }
    const previous = last.get(scorecard.matchId);
    if (previous && (v < previous.version || compareScorecards(scorecard, previous.scorecard) < 0))
      problems.push(`match ${scorecard.matchId} went from version ${previous.version} back to ${v}`);
    last.set(scorecard.matchId, { scorecard, version: v });
  }
  return problems;
}

/**
 * The events the day should have produced. The rules are pure and skip anything not newer than
 * what they applied, so the right events are those of the stored sequence (every scorecard the
 * store accepted as newer, in order): it is the pipeline's own observation of the match with the
 * duplicates, reorders and the restart taken out. The ground truth cannot serve directly: a
 * killed browser misses balls, and the overs rule rightly reports only the latest of several
 * thresholds crossed in one jump, so the fault-free events legitimately differ from the truth's.
 */
export function expectedEventIds(observations: DayObservations): string[] {
  const states = new Map<string, RulesState>();
  const ids: string[] = [];
  for (const scorecard of observations.stored) {
    const { events, state } = applyRules(states.get(scorecard.matchId), scorecard, {
      rules: observations.rules,
      teamLabel: observations.teamLabels[scorecard.teamId] ?? scorecard.teamId,
    });
    states.set(scorecard.matchId, state);
    ids.push(...events.map((e) => e.id));
  }
  return ids;
}

export function checkDay(observations: DayObservations): CheckResult[] {
  const version = versionOf(observations);
  const results: CheckResult[] = [];

  const storedProblems = neverBackwards(observations.stored, version);
  results.push(
    check(
      'stored scorecards never went backwards',
      storedProblems.length === 0,
      storedProblems[0] ?? `${observations.stored.length} writes`,
    ),
  );
  const frameProblems = neverBackwards(observations.frames, version);
  results.push(
    check(
      'broadcast scorecards never went backwards',
      frameProblems.length === 0,
      frameProblems[0] ?? `${observations.frames.length} frames`,
    ),
  );

  const wrongFinals = observations.matches.filter(({ matchId }) => {
    const truth = observations.truth.get(matchId)!.at(-1)!;
    const stored = observations.finalStored.get(matchId);
    const lastFrame = observations.frames.filter((f) => f.matchId === matchId).at(-1);
    return (
      !stored || content(stored) !== content(truth) || !lastFrame || content(lastFrame) !== content(truth)
    );
  });
  results.push(
    check(
      'final scorecards (stored and on the page) equal the truth',
      wrongFinals.length === 0,
      wrongFinals.length === 0
        ? `${observations.matches.length} matches`
        : `differ: ${wrongFinals.map((m) => m.matchId).join(', ')}`,
    ),
  );

  const expected = expectedEventIds(observations);
  const queued = observations.events.map((e) => e.id);
  const twice = queued.filter((id, i) => queued.indexOf(id) !== i);
  const missing = expected.filter((id) => !queued.includes(id));
  const extra = queued.filter((id) => !expected.includes(id));
  results.push(
    check(
      'every notification-worthy event queued exactly once',
      twice.length === 0 && missing.length === 0 && extra.length === 0,
      twice.length + missing.length + extra.length === 0
        ? `${expected.length} events`
        : `twice: ${twice.join(' ') || '-'}; missing: ${missing.join(' ') || '-'}; unexpected: ${extra.join(' ') || '-'}`,
    ),
  );

  for (const subscriber of observations.subscribers) {
    const wanted = subscriber.gone
      ? []
      : observations.events
          .filter((e) => wantsNotification(subscriber.preferences, e.teamId, e.kind))
          .map(pushKey);
    const got = subscriber.received.map(pushKey);
    const pass = sameList(wanted, got) && subscriber.stillSubscribed !== subscriber.gone;
    results.push(
      check(
        subscriber.gone
          ? `${subscriber.name}: 410 → removed, nothing delivered`
          : `${subscriber.name}: each matching event pushed once`,
        pass,
        `${got.length} of ${wanted.length} pushes${subscriber.stillSubscribed ? ', subscribed' : ', removed'}`,
      ),
    );
  }

  const healthy = observations.matches.filter((m) => m.matchId !== observations.poisonMatchId);
  const cmsOnce = healthy.every((m) => observations.cmsWrites.filter((id) => id === m.matchId).length === 1);
  results.push(
    check(
      'the CMS got each result once (the poisoned one never)',
      cmsOnce && !observations.cmsWrites.includes(observations.poisonMatchId),
      `${observations.cmsWrites.length} writes for ${healthy.length} results`,
    ),
  );

  const reported = observations.matches.every(
    (m) =>
      observations.reportsStored.includes(m.matchId) &&
      observations.cmsReportWrites.filter((id) => id === m.matchId).length === 1,
  );
  results.push(
    check(
      'every finished match has its report stored, and in the CMS once',
      reported,
      `${observations.reportsStored.length} reports stored, ${observations.cmsReportWrites.length} CMS writes for ${observations.matches.length} matches`,
    ),
  );

  const strayDead = observations.deadLetters.filter(
    (d) => d.queue !== 'update-cms' || d.matchId !== observations.poisonMatchId,
  );
  results.push(
    check(
      'dead letters only for the poison message',
      strayDead.length === 0 && observations.deadLetters.length > 0,
      observations.deadLetters.map((d) => `${d.queue}:${d.matchId ?? '?'}`).join(', ') || 'none',
    ),
  );

  results.push(
    check(
      'every scraper ended',
      observations.scrapersListed === 0 && observations.scraperProcessesAlive.length === 0,
      `${observations.scrapersListed} listed, ${observations.scraperProcessesAlive.length} processes alive`,
    ),
  );

  const { memory } = observations;
  results.push(
    check(
      `memory flat (RSS growth ≤ ${Math.round(observations.memoryLimit * 100)} % after warm-up)`,
      memory.growth <= observations.memoryLimit,
      `${memory.baselineMb.toFixed(0)} → ${memory.finalMb.toFixed(0)} MB (${(memory.growth * 100).toFixed(1)} %, ${memory.samples} samples)`,
    ),
  );
  return results;
}
