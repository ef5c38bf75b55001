import type { Scorecard } from '@live-scores/schema';
import type { AppliedChange, ProducedVersion } from './logs.ts';
import type { MatchTimeline } from './match.ts';

/** What a running simulated league site offers: its pages, its controls and its ground truth. */
export interface SimulatedMatch {
  matchId: string;
  url: string;
  /** Team texts as the fixtures page shows them. */
  home: string;
  away: string;
  /** The club team playing, or null for another clubs' match. */
  teamId: string | null;
}

export interface MatchProgress {
  matchId: string;
  version: number;
  lastVersion: number;
  status: Scorecard['status'];
  result: string | null;
}

export interface SimulatorStatus {
  paused: boolean;
  speed: number;
  feedConnections: number;
  matches: (SimulatedMatch & MatchProgress)[];
}

export interface RunningSimulator {
  baseUrl: string;
  fixturesUrl: string;
  matches: SimulatedMatch[];
  /** Reveals `balls` more versions (default 1) at once, as one page update. */
  step(matchId: string, balls?: number): MatchProgress;
  /** Ground truth at the current version, or at `version`. */
  truth(matchId: string, version?: number): Scorecard;
  /** The whole pre-played match, for tests that look ahead. */
  timeline(matchId: string): MatchTimeline;
  appliedLog(): AppliedChange[];
  producedLog(): ProducedVersion[];
  pause(): void;
  resume(): void;
  status(): SimulatorStatus;
  close(): Promise<void>;
}
