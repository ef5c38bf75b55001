import { describe, expect, it } from 'vitest';
import { notificationForPush, tabForUrl } from './push-notification.ts';

const defaults = {
  icon: 'https://scores.example/icons/icon-192.png',
  badge: 'https://scores.example/icons/badge-96.png',
  pageUrl: 'https://scores.example/',
};

describe('showing a push', () => {
  it('uses the payload title, body, tag and match URL', () => {
    const payload = {
      title: 'Wicket!',
      body: 'T Priestley b H Brook 24',
      tag: '6123456-wicket',
      url: '/?match=6123456',
      matchId: '6123456',
      kind: 'wicket',
    };
    expect(notificationForPush(JSON.stringify(payload), defaults)).toEqual({
      title: 'Wicket!',
      options: {
        body: 'T Priestley b H Brook 24',
        tag: '6123456-wicket',
        icon: defaults.icon,
        badge: defaults.badge,
        data: { url: 'https://scores.example/?match=6123456' },
      },
    });
  });

  it('tags by match and kind when the payload has no tag', () => {
    const shown = notificationForPush(
      JSON.stringify({ title: '50 overs', body: '', matchId: '6123456', kind: 'overs' }),
      defaults,
    );
    expect(shown.options.tag).toBe('6123456:overs');
  });

  it('still shows something for a payload it cannot read', () => {
    expect(notificationForPush('plain text', defaults)).toMatchObject({
      title: 'Live scores',
      options: { body: 'plain text', tag: 'live-scores', data: { url: 'https://scores.example/' } },
    });
  });
});

describe('choosing the tab for a tapped notification', () => {
  const tabs = [{ url: 'https://club.example/' }, { url: 'https://scores.example/?match=1' }];

  it('reuses a tab on the same page, whatever match it shows', () => {
    expect(tabForUrl(tabs, 'https://scores.example/?match=6123456')).toBe(tabs[1]);
  });

  it('finds none when the page is not open', () => {
    expect(tabForUrl(tabs, 'https://scores.example/other')).toBeUndefined();
  });
});
