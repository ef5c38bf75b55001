import type { NotificationEvent, NotificationKind, PushPayload } from '@live-scores/schema';
import type { PushMessage } from './ports/push-sender.ts';

export interface PushMessageOptions {
  /** The supporters' page; notifications open it at the match. */
  pageUrl: string;
  ttlSeconds: { score: number; result: number };
}

const HIGH_URGENCY: ReadonlySet<NotificationKind> = new Set(['wicket', 'result', 'abandoned']);
/** How a match ended stays worth reading for as long as a result does. */
const OUTCOMES: ReadonlySet<NotificationKind> = new Set(['result', 'abandoned']);

/** One topic per match and kind (≤ 32 base64url-safe chars), so a newer score replaces an older undelivered one. */
export function pushTopic(matchId: string, kind: NotificationKind | 'subscribed'): string {
  return `${matchId}-${kind}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 32);
}

/** The page at the match; a result opens the match report (`&report=1`) as well. */
function matchUrl(pageUrl: string, matchId: string, kind: NotificationKind): string {
  const url = new URL(pageUrl, 'http://page.invalid');
  url.searchParams.set('match', matchId);
  if (kind === 'result') url.searchParams.set('report', '1');
  return pageUrl.startsWith('/') ? `${url.pathname}${url.search}` : url.toString();
}

/** How one notification event travels: payload for the service worker, TTL, urgency, topic. */
export function pushMessageForEvent(event: NotificationEvent, options: PushMessageOptions): PushMessage {
  const payload: PushPayload = {
    title: event.title,
    body: event.body,
    tag: pushTopic(event.matchId, event.kind),
    url: matchUrl(options.pageUrl, event.matchId, event.kind),
    matchId: event.matchId,
    kind: event.kind,
  };
  return {
    payload,
    ttlSeconds: OUTCOMES.has(event.kind) ? options.ttlSeconds.result : options.ttlSeconds.score,
    urgency: HIGH_URGENCY.has(event.kind) ? 'high' : 'normal',
    topic: pushTopic(event.matchId, event.kind),
  };
}
