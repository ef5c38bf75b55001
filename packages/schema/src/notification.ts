import { z } from 'zod';
import { IsoDateTime, MatchId, TeamId } from './ids.ts';

export const NotificationKind = z.enum([
  'overs',
  'wicket',
  'batting-milestone',
  'bowling-milestone',
  'innings-end',
  'result',
  'play-started',
  'innings-break',
  'abandoned',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** One moment worth a push (notify-rules → push queue). */
export const NotificationEvent = z.object({
  /** Deterministic, e.g. "6123456:1:wicket:3": a replayed scorecard can never notify twice. */
  id: z.string().min(1).max(200),
  matchId: MatchId,
  teamId: TeamId,
  kind: NotificationKind,
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  createdAt: IsoDateTime,
});
export type NotificationEvent = z.infer<typeof NotificationEvent>;
