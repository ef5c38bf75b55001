import type { PushPayload } from '@live-scores/schema';

export interface NotificationToShow {
  title: string;
  options: NotificationOptions & { data: { url: string } };
}

export interface NotificationDefaults {
  /** Absolute URL of the notification icon. */
  icon: string;
  /** Absolute URL of the monochrome badge Android shows in the status bar. */
  badge: string;
  /** Where a tap goes when the payload names no page. */
  pageUrl: string;
}

const GENERIC_TITLE = 'Live scores';

/**
 * What to show for a push message. Every push must show something (Chrome revokes the
 * permission of sites that push silently), so unreadable payloads still produce a notice.
 * The tag is one per match and kind: a newer score replaces the older one instead of piling up.
 */
export function notificationForPush(data: string | null, defaults: NotificationDefaults): NotificationToShow {
  let payload: Partial<PushPayload> = {};
  try {
    const parsed: unknown = data ? JSON.parse(data) : {};
    if (typeof parsed === 'object' && parsed !== null) payload = parsed as Partial<PushPayload>;
  } catch {
    payload = { body: data ?? '' };
  }
  const title = typeof payload.title === 'string' && payload.title ? payload.title : GENERIC_TITLE;
  const body = typeof payload.body === 'string' ? payload.body : '';
  const tag =
    typeof payload.tag === 'string' && payload.tag
      ? payload.tag
      : payload.matchId && payload.kind
        ? `${payload.matchId}:${payload.kind}`
        : 'live-scores';
  const url =
    typeof payload.url === 'string' && payload.url
      ? new URL(payload.url, defaults.pageUrl).href
      : defaults.pageUrl;
  return { title, options: { body, tag, icon: defaults.icon, badge: defaults.badge, data: { url } } };
}

/** The open tab to reuse for a tapped notification: one showing the same page, whatever match it is on. */
export function tabForUrl<T extends { url: string }>(tabs: readonly T[], target: string): T | undefined {
  const wanted = new URL(target);
  const samePage = (tab: T) => {
    const url = new URL(tab.url);
    return url.origin === wanted.origin && url.pathname === wanted.pathname;
  };
  return tabs.find((tab) => tab.url === target) ?? tabs.find(samePage);
}
