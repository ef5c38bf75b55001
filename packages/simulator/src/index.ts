export { createRandom, hashSeed } from './random.ts';
export type { Random } from './random.ts';
export { ForcedOutcome, MatchSettings, SideSettings } from './match-settings.ts';
export type { MatchSettingsInput } from './match-settings.ts';
export { playMatch } from './match.ts';
export type { MatchResult, MatchState, MatchTimeline, ResultKind } from './match.ts';
export type {
  BatterState,
  BowlerState,
  Dismissal,
  DismissalKind,
  InningsEnd,
  InningsState,
} from './innings.ts';
export type { Side } from './play-innings.ts';
export { truthCaptures, truthScorecard, truthInnings, truthOverEnds } from './truth.ts';
export type { TruthContext, TruthOverEnd } from './truth.ts';
export { resultText, resultWords } from './result.ts';
export { formatOvers } from './figures.ts';
export { matchUpdate } from './render-match.ts';
export type { LivePart, MatchUpdate } from './render-match.ts';
export { renderMatchPage, renderFixturesPage } from './pages.ts';
export { SimulatorOptions, MatchOverride, DEMO_CLUB } from './simulator-options.ts';
export type { SimulatorOptionsInput } from './simulator-options.ts';
export { AppliedChange } from './logs.ts';
export type { ProducedVersion } from './logs.ts';
export { startSimulator } from './server.ts';
export type {
  MatchProgress,
  RunningSimulator,
  SimulatedMatch,
  SimulatorDeps,
  SimulatorStatus,
} from './server.ts';
export { UnknownMatchError } from './errors.ts';
export { runSimulateCommand, parseSimulateArgs, SIMULATE_USAGE } from './simulate-command.ts';
export type { SimulateCommandIo } from './simulate-command.ts';
