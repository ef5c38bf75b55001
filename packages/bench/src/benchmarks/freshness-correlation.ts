import { applyRules, type RulesState } from '@live-scores/notify';
import type { NotificationRules, Scorecard } from '@live-scores/schema';

/** A DOM change the simulated site applied in the scraper's browser. */
export interface AppliedVersion {
  matchId: string;
  version: number;
  appliedAt: number;
}

/** Something the page or the phone received, stamped on arrival. */
export interface Arrival<T> {
  at: number;
  value: T;
}

/**
 * What a scorecard says about the match, without when or how it was captured: two
 * scorecards with the same content describe the same state of the scoring page.
 */
export function scorecardContent(scorecard: Scorecard): string {
  return JSON.stringify([scorecard.status, scorecard.result, scorecard.innings]);
}

/**
 * Content → the newest version of the match that shows it. The newest, because a version that
 * changes nothing visible (e.g. a phase flag) is already reflected by an identical earlier frame.
 */
export function versionsByContent(truths: readonly Scorecard[]): Map<string, number> {
  const byContent = new Map<string, number>();
  for (const truth of truths) byContent.set(scorecardContent(truth), truth.seq);
  return byContent;
}

export interface Latencies<T> {
  latenciesMs: number[];
  /** Each measured change with the first arrival that reflects it, in the order of `latenciesMs`. */
  reflected: { change: AppliedVersion; arrival: Arrival<T> }[];
  /** Changes no received message ever reflected. */
  missed: number;
}

/**
 * For each applied change, the time until the first arrival that reflects it: one whose
 * version is at least the change's version (the scraper may coalesce a burst of changes into
 * one message, which then reflects all of them). Arrivals are in receive order.
 */
export function latenciesToArrival<T extends { matchId: string; version: number }>(
  applied: readonly AppliedVersion[],
  arrivals: readonly Arrival<T>[],
): Latencies<T> {
  const latenciesMs: number[] = [];
  const reflected: Latencies<T>['reflected'] = [];
  let missed = 0;
  for (const change of applied) {
    const first = arrivals.find(
      (a) => a.value.matchId === change.matchId && a.value.version >= change.version,
    );
    if (!first) {
      missed++;
      continue;
    }
    // A change with no visible effect is reflected by an earlier identical message: zero wait.
    latenciesMs.push(Math.max(0, first.at - change.appliedAt));
    reflected.push({ change, arrival: first });
  }
  return { latenciesMs, reflected, missed };
}

/**
 * The version at which each notification first became due, by running the same rules over the
 * simulator's ground truth, version by version. Event ids are deterministic (match, innings,
 * kind, count), so the live pipeline's events carry the same ids whatever it coalesced.
 */
export function eventDueVersions(
  truths: readonly Scorecard[],
  rules: NotificationRules,
  teamLabel: string,
): Map<string, number> {
  const dueAt = new Map<string, number>();
  let state: RulesState | undefined;
  for (const truth of truths) {
    const applied = applyRules(state, truth, { rules, teamLabel });
    state = applied.state;
    for (const event of applied.events) if (!dueAt.has(event.id)) dueAt.set(event.id, truth.seq);
  }
  return dueAt;
}

/**
 * The match version each received scorecard was captured at, keyed by match and capture
 * time. A first-sight summary ("catch-up") is dated through it: only the live pipeline
 * produces one, from whichever scorecard the rules met first, and its `createdAt` is that
 * scorecard's `capturedAt`.
 */
export function versionsByCapture(
  arrivals: readonly Arrival<{ matchId: string; capturedAt: string; version: number }>[],
): Map<string, number> {
  return new Map(arrivals.map((a) => [captureKey(a.value.matchId, a.value.capturedAt), a.value.version]));
}

export const captureKey = (matchId: string, capturedAt: string): string => `${matchId}@${capturedAt}`;

/** The first change applied in the browser at or after `version` (the feed can skip versions). */
export function firstAppliedFrom(
  applied: readonly AppliedVersion[],
  matchId: string,
  version: number,
): AppliedVersion | undefined {
  return applied
    .filter((a) => a.matchId === matchId && a.version >= version)
    .reduce<
      AppliedVersion | undefined
    >((best, a) => (!best || a.version < best.version ? a : best), undefined);
}
