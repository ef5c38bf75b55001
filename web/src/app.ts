import { resolvePageConfig } from './config/page-config.ts';
import { LiveScoreboard } from './live-scoreboard.ts';
import { NotificationsPanel } from './notifications/notifications-panel.ts';
import { PushSubscriptions } from './notifications/push-subscriptions.ts';
import { currentPushEnvironment, pushSupport } from './notifications/push-support.ts';
import { configFileSettings, metaSettings } from './page-config-sources.ts';

/** The supporters' page: the scoreboard, the service worker and the notifications panel. */
async function main(): Promise<void> {
  const byId = (id: string) => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`the page has no #${id} element`);
    return element;
  };
  const file = await configFileSettings(new URL('config.json', location.href));
  const { config, problems } = resolvePageConfig(location.href, file, metaSettings(document));
  for (const problem of problems) console.warn(`live-scores config: ${problem}`);
  document.title = config.title;
  byId('page-title').textContent = config.title;

  const scoreboard = new LiveScoreboard(
    { board: byId('board'), status: byId('live-status'), announcer: byId('announcer') },
    config,
  );
  const firstLoad = scoreboard.start();
  /** `?match=<id>` brings a match into view; `&report=1` (a result notification) opens its report. */
  const revealFrom = (url: URL): void => {
    const matchId = url.searchParams.get('match');
    if (matchId) scoreboard.reveal(matchId, { report: url.searchParams.get('report') === '1' });
  };
  void firstLoad.then(() => revealFrom(new URL(location.href)));

  const canRegister = 'serviceWorker' in navigator;
  if (canRegister) {
    navigator.serviceWorker.register('sw.js', { scope: './' }).catch((error: Error) => {
      console.warn(`live-scores: service worker not registered: ${error.message}`);
    });
    navigator.serviceWorker.addEventListener(
      'message',
      (event: MessageEvent<{ type?: string; url?: string }>) => {
        if (event.data?.type !== 'show-match' || !event.data.url) return;
        revealFrom(new URL(event.data.url, location.href));
      },
    );
  }
  const subscriptions = canRegister
    ? new PushSubscriptions(config.apiBase, config.vapidPublicKey, () => navigator.serviceWorker.ready)
    : null;
  await new NotificationsPanel(
    byId('notifications'),
    pushSupport(currentPushEnvironment()),
    config.teams,
    subscriptions,
  ).init();
}

main().catch((error: Error) => console.error(`live-scores: ${error.message}`));
