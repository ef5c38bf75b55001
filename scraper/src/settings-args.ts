import type { ConfigFile } from '@live-scores/schema';

/**
 * The `scraper` section of a club's config file as the scrape command's flags, so the same
 * settings reach the scraper whichever runtime starts it: the single-machine runtime's child
 * process and the AWS scraper host's supervisor. `parseScrapeArgs` reads them back.
 */
export function scraperSettingsArgs(settings: ConfigFile['scraper']): string[] {
  return [
    ...settings.allowedHosts.flatMap((host) => ['--allow-host', host]),
    '--safety-poll-seconds',
    String(settings.safetyPollSeconds),
    '--reload-minutes',
    String(settings.reloadMinutes),
    '--tab-poll-seconds',
    `${settings.tabPollSeconds.min},${settings.tabPollSeconds.max}`,
    '--debounce-ms',
    String(settings.debounceMs),
  ];
}
