import { notifyRules, notifyRulesOptionsFor } from '@live-scores/core';
import { configFromEnv } from './wiring/environment.ts';
import { eventLog, pushQueue, rulesStates } from './wiring/delivery-adapters.ts';
import { functionLogger } from './wiring/logger.ts';
import { scorecardFromRecord } from './wiring/record-body.ts';
import { sqsBatchHandler } from './wiring/batch-handler.ts';

const logger = functionLogger('notify-rules');

/** Scorecard topic → its queue → the match's rules → new events on the push queue, each once. */
export const handler = sqsBatchHandler((record) => {
  const scorecard = scorecardFromRecord(record);
  return notifyRules(
    { states: rulesStates(), eventLog: eventLog(), pushQueue: pushQueue(), logger },
    scorecard,
    notifyRulesOptionsFor(configFromEnv(), scorecard.teamId),
  );
});
