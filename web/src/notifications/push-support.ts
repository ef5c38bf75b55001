/** What the browser offers, read once at start (a plain object so the decision is testable). */
export interface PushEnvironment {
  userAgent: string;
  maxTouchPoints: number;
  /** Running as an installed home-screen app (`display-mode: standalone` or `navigator.standalone`). */
  standalone: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  permission: NotificationPermission | null;
}

export type PushSupport =
  | { kind: 'supported' }
  | { kind: 'denied' }
  /** iOS/iPadOS 16.4+ in a Safari tab: Web Push exists only for home-screen apps. */
  | { kind: 'add-to-home-screen' }
  | { kind: 'unsupported'; reason: string };

/** iOS version from an iPhone/iPad user agent, or from Safari's "Version/x.y" on iPadOS's desktop-class agent. */
function appleMobileVersion(env: PushEnvironment): number | null {
  const ua = env.userAgent;
  const ios = /\b(?:iPhone|iPad|iPod)\b.*? OS (\d+)_(\d+)/.exec(ua);
  if (ios) return Number(ios[1]) + Number(ios[2]) / 100;
  const iPadDesktop = /\bMacintosh\b/.test(ua) && env.maxTouchPoints > 1 && /Version\/(\d+)\.(\d+)/.exec(ua);
  return iPadDesktop ? Number(iPadDesktop[1]) + Number(iPadDesktop[2]) / 100 : null;
}

export function pushSupport(env: PushEnvironment): PushSupport {
  if (env.hasServiceWorker && env.hasPushManager && env.hasNotification) {
    return env.permission === 'denied' ? { kind: 'denied' } : { kind: 'supported' };
  }
  const ios = appleMobileVersion(env);
  if (ios != null && !env.standalone) {
    return ios >= 16.04
      ? { kind: 'add-to-home-screen' }
      : { kind: 'unsupported', reason: 'Notifications need iOS 16.4 or later.' };
  }
  return { kind: 'unsupported', reason: 'This browser cannot receive notifications.' };
}

/** The live browser's environment. */
export function currentPushEnvironment(): PushEnvironment {
  const hasNotification = typeof Notification !== 'undefined';
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone:
      matchMedia('(display-mode: standalone)').matches ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: 'PushManager' in globalThis,
    hasNotification,
    permission: hasNotification ? Notification.permission : null,
  };
}
