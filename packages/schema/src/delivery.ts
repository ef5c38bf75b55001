import { z } from 'zod';
import { IsoDateTime, MatchId, TeamId } from './ids.ts';
import { NotificationEvent, NotificationKind } from './notification.ts';
import { Scorecard } from './scorecard.ts';
import { Subscription } from './subscription.ts';

/** What the live page receives over its WebSocket for every new scorecard. */
export const LiveScorecardMessage = z.object({
  type: z.literal('scorecard'),
  scorecard: Scorecard,
  /**
   * Set when the scorecard was too large for one WebSocket frame and its detail was left
   * out: the page fetches the full scorecard from this URL instead.
   */
  fetch: z.string().optional(),
});
export type LiveScorecardMessage = z.infer<typeof LiveScorecardMessage>;

const DiffPath = z
  .array(z.union([z.string().min(1).max(64), z.number().int().nonnegative().max(10_000)]))
  .max(16);

/** One edit of a diff (see `ScorecardChange` in scorecard-diff.ts, which applies it). */
export const ScorecardChange = z.union([
  z.object({ at: DiffPath, length: z.number().int().nonnegative() }).strict(),
  z.object({ at: DiffPath, remove: z.literal(true) }).strict(),
  z.object({ at: DiffPath, to: z.json() }).strict(),
]);
export type ScorecardChange = z.infer<typeof ScorecardChange>;

/**
 * What a live page receives instead of a full scorecard once it has one for the match: the
 * edits from the capture `base` to the capture `seq`/`capturedAt`. A page whose card is not
 * `base` has missed something and asks for a `{ "action": "sync" }`.
 */
export const LiveDiffMessage = z.object({
  type: z.literal('diff'),
  matchId: MatchId,
  teamId: TeamId,
  base: z.object({ capturedAt: IsoDateTime, seq: z.number().int().nonnegative() }),
  capturedAt: IsoDateTime,
  seq: z.number().int().nonnegative(),
  changes: z.array(ScorecardChange).min(1),
});
export type LiveDiffMessage = z.infer<typeof LiveDiffMessage>;

/** A scorecard frame of the live socket; it also sends each match's over history (`LiveOversMessage`). */
export const LiveMessage = z.discriminatedUnion('type', [LiveScorecardMessage, LiveDiffMessage]);
export type LiveMessage = z.infer<typeof LiveMessage>;

/** What the page sends to ask for the current scorecards (API Gateway cannot send on $connect). */
export const LiveSyncRequest = z.object({ action: z.literal('sync') });
export type LiveSyncRequest = z.infer<typeof LiveSyncRequest>;

/** The decrypted Web Push payload the service worker shows (kept well under 4 KB). */
export const PushPayload = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  /** Notifications with one tag replace each other on the device: one per match and kind. */
  tag: z.string().min(1).max(100),
  url: z.string().min(1).max(500),
  matchId: MatchId.or(z.literal('')),
  kind: NotificationKind.or(z.literal('subscribed')),
});
export type PushPayload = z.infer<typeof PushPayload>;

/** A digest window closes early once it holds this many events (bounding a job's size). */
export const MAX_DIGEST_EVENTS = 50;

/** One slice of an event's audience (send-push fan-out → push queue → send-push job). */
export const PushJob = z.object({
  type: z.literal('send-push'),
  /**
   * `<event id>#<slice index>`: the same for a slice however often its fan-out runs, so a
   * duplicated or re-run slice is recognised and sent once (retries keep it, with a higher `attempt`).
   */
  id: z.string().min(1).max(300),
  event: NotificationEvent,
  /**
   * A digest's events (two or more, in the order told): each subscription is sent one push
   * standing for those of them its preferences want. Absent, the job sends `event` itself.
   */
  digest: z.array(NotificationEvent).min(2).max(MAX_DIGEST_EVENTS).optional(),
  subscriptions: z.array(Subscription).min(1).max(1000),
  /** How many times this slice has been tried already; past the limit it dead-letters. */
  attempt: z.number().int().nonnegative().default(0),
});
export type PushJob = z.infer<typeof PushJob>;

/**
 * Sent, delayed by the window's length, when an event opens a match's digest window: its
 * delivery closes the window and fans its events out as one push per supporter.
 */
export const DigestFlush = z.object({
  type: z.literal('flush-digest'),
  matchId: MatchId,
  teamId: TeamId,
  /** The window's id: `digest:<id of the event that opened it>`. */
  window: z.string().min(1).max(250),
});
export type DigestFlush = z.infer<typeof DigestFlush>;

/**
 * A message on the push queue: a new event to fan out (or to hold in its match's digest
 * window), a slice of subscriptions to send to, or a digest window that is due.
 */
export const PushQueueMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: NotificationEvent }),
  PushJob,
  DigestFlush,
]);
export type PushQueueMessage = z.infer<typeof PushQueueMessage>;

/** One slice of a large broadcast: the serialized live message and the connections to reach. */
export const BroadcastBatch = z.object({
  matchId: MatchId,
  teamId: TeamId,
  message: z.string().min(1),
  connectionIds: z.array(z.string().min(1)).min(1).max(2000),
});
export type BroadcastBatch = z.infer<typeof BroadcastBatch>;
