import type { NotificationEvent } from '@live-scores/schema';

/** What appending an event did to its match's digest window. */
export type DigestAppend =
  | {
      kind: 'appended';
      window: string;
      /** This event opened the window (so its flush is this event's to schedule). */
      opened: boolean;
      /** When the window is due (epoch ms): its first event's arrival plus the window. */
      dueAt: number;
      /** Events in the window now, this one included. */
      size: number;
      /** An event that ends the match (this one or an earlier one) was appended. */
      matchEnded: boolean;
    }
  /** The event id was appended before (a redelivery): `window` is the one that holds it. */
  | { kind: 'duplicate'; window: string; opened: boolean; dueAt: number; matchEnded: boolean };

export interface DigestAppendAt {
  now: number;
  windowMs: number;
  /** The event ends the match (a result or an abandonment): later appends report `matchEnded`. */
  endsMatch: boolean;
}

/** A window's id, from the event that opened it: the same however often that event is delivered. */
export const digestWindowId = (openedBy: Pick<NotificationEvent, 'id'>): string => `digest:${openedBy.id}`;

/**
 * Each match's events waiting to go as one push. At most one window per match is open; an
 * event joins it, or opens one due `windowMs` after it arrives. Closing a window is atomic
 * against appends: an event is in the window that closed or in the next one, never both
 * and never neither. Every event id is kept per match, so a redelivered event is never
 * appended twice, even after its window went out.
 */
export interface DigestBuffer {
  append(event: NotificationEvent, at: DigestAppendAt): Promise<DigestAppend>;
  /**
   * Closes the window (nothing joins it after) and returns its events in the order appended.
   * Closing a closed window returns the same events again, so a retried flush sends the same
   * push; an unknown window returns none.
   */
  close(matchId: string, window: string): Promise<NotificationEvent[]>;
}
