import type { Batter, Bowler, Innings, NotificationRules } from '@live-scores/schema';
import type { InningsProgress } from './rules-state.ts';

/** An innings and its 1-based number in the match, as event ids and titles count them. */
export interface InningsRef {
  number: number;
  innings: Innings;
}

/**
 * Something worth telling supporters, before it is worded: detectors find moments, text.ts
 * words them and to-event.ts turns them into NotificationEvents.
 */
export type Moment =
  | { kind: 'overs'; at: InningsRef; overs: number }
  | { kind: 'wicket'; at: InningsRef; wicket: number; batter: Batter; key: string }
  | { kind: 'batting-milestone'; at: InningsRef; milestone: number; batter: Batter; key: string }
  | { kind: 'bowling-milestone'; at: InningsRef; milestone: number; bowler: Bowler; key: string }
  | { kind: 'innings-end'; at: InningsRef }
  | { kind: 'catch-up'; at: InningsRef; innings: Innings[] }
  | { kind: 'result'; result: string | null; innings: Innings[] }
  | { kind: 'play-started'; innings: Innings }
  | { kind: 'innings-break'; first: Innings; chasing: string | null; target: number }
  | { kind: 'abandoned'; result: string; innings: Innings[] };

/** What a detector sees: one innings, its players' keys and whether it is over. */
export interface InningsView extends InningsRef {
  battingKeys: string[];
  bowlingKeys: string[];
  over: boolean;
}

/**
 * A detector compares one innings with what was already notified. It always records what it has
 * now passed (so a later rule change or a catch-up never replays old moments) and returns the
 * moments its rule asks to tell.
 */
export type Detector<M extends Moment = Moment> = (
  view: InningsView,
  progress: InningsProgress,
  rules: NotificationRules,
) => { moments: M[]; progress: InningsProgress };
