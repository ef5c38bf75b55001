import {
  GAME_OVER_FILTER_POLICY,
  matchesFilterPolicy,
  scorecardAttributes,
  type ScorecardTopic,
} from '@live-scores/core';
import type { Scorecard } from '@live-scores/schema';
import { createEmbeddedTopic, type Attributes, type EmbeddedTopic } from './embedded-topic.ts';

/** The scorecard topic for the single-machine runtime, with SNS's message attributes. */
export function createEmbeddedScorecardTopic(): EmbeddedTopic<Scorecard> & ScorecardTopic {
  return createEmbeddedTopic<Scorecard>((scorecard) => ({ ...scorecardAttributes(scorecard) }));
}

/** The game-over consumers' filter: the same policy object the AWS subscriptions use. */
export function gameOverFilter(attributes: Attributes): boolean {
  return matchesFilterPolicy(GAME_OVER_FILTER_POLICY, attributes);
}
