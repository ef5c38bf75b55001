import type { Scorecard } from '@live-scores/schema';
import { scorecardAttributes } from '../ports/scorecard-topic.ts';

/**
 * An SNS-style filter policy on message attributes: every named attribute must equal one of
 * the listed strings. Only the exact-match form is used, so one evaluator serves locally.
 */
export type FilterPolicy = Readonly<Record<string, readonly string[]>>;

/**
 * The one routing rule for the game-over consumers (update-cms, teardown-scraper). The AWS
 * subscriptions use this object as their filter policy; the embedded topic filters with
 * `isGameOver`, which evaluates the same object.
 */
export const GAME_OVER_FILTER_POLICY: FilterPolicy = { status: ['complete'] };

export function matchesFilterPolicy(
  policy: FilterPolicy,
  attributes: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(policy).every(([name, allowed]) => {
    const value = attributes[name];
    return value !== undefined && allowed.includes(value);
  });
}

export function isGameOver(scorecard: Scorecard): boolean {
  return matchesFilterPolicy(GAME_OVER_FILTER_POLICY, { ...scorecardAttributes(scorecard) });
}
