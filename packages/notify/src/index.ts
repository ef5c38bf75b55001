export { applyRules, type ApplyRulesOptions, type ApplyRulesResult } from './apply-rules.ts';
export { RulesState, InningsProgress } from './rules-state.ts';
export { eventIds } from './event-ids.ts';
export * from './report/index.ts';
export { foldOvers, overHistoryOf } from './overs/fold-overs.ts';
export { groupForDigest, digestOf, ENDS_MATCH, type DigestEvent } from './digest/digest.ts';
