import { describe, expect, it } from 'vitest';
import { pushSupport, type PushEnvironment } from './push-support.ts';

const IPHONE_17 =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_16_1 = IPHONE_17.replace('17_5', '16_1');
const IPAD_DESKTOP =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

const safariTab: PushEnvironment = {
  userAgent: IPHONE_17,
  maxTouchPoints: 5,
  standalone: false,
  hasServiceWorker: true,
  hasPushManager: false,
  hasNotification: false,
  permission: null,
};

describe('push support', () => {
  it('is available where the service worker, PushManager and Notification all exist', () => {
    const chrome = {
      ...safariTab,
      userAgent: 'Chrome',
      hasPushManager: true,
      hasNotification: true,
      permission: 'default' as const,
    };
    expect(pushSupport(chrome)).toEqual({ kind: 'supported' });
    expect(pushSupport({ ...chrome, permission: 'denied' })).toEqual({ kind: 'denied' });
  });

  it('asks iOS 16.4+ Safari users (iPhone and iPad) to add the page to the home screen', () => {
    expect(pushSupport(safariTab)).toEqual({ kind: 'add-to-home-screen' });
    expect(pushSupport({ ...safariTab, userAgent: IPAD_DESKTOP })).toEqual({ kind: 'add-to-home-screen' });
  });

  it('explains that older iOS cannot notify at all', () => {
    expect(pushSupport({ ...safariTab, userAgent: IPHONE_16_1 })).toEqual({
      kind: 'unsupported',
      reason: 'Notifications need iOS 16.4 or later.',
    });
  });
});
