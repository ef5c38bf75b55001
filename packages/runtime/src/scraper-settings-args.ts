import type { ConfigFile } from '@live-scores/schema';

/** The configured scraper settings as the scrape command's flags. */
export function scraperSettingsArgs(settings: ConfigFile['scraper']): string[] {
  return [
    '--exit-with-parent',
    ...settings.allowedHosts.flatMap((host) => ['--allow-host', host]),
    '--safety-poll-seconds',
    String(settings.safetyPollSeconds),
    '--reload-minutes',
    String(settings.reloadMinutes),
    '--tab-poll-seconds',
    `${settings.tabPollSeconds.min},${settings.tabPollSeconds.max}`,
  ];
}
