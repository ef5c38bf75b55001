import type { ConfigFile } from '@live-scores/schema';

/** `/config.json` as the page reads it (web/src/config/page-config.ts `ConfigSettings`). */
export interface PageConfigJson {
  title: string;
  teams: { id: string; label: string }[];
  overs: number;
  staleSeconds: number;
  /** Relative, so it resolves to ws:// or wss:// on whatever origin the page was loaded from. */
  ws: string;
  /** Empty: the API is on the page's own origin. */
  api: string;
  vapidPublicKey: string;
}

/** The page's settings from the config file, served by the local server and uploaded beside the page on AWS. */
export function pageConfigFor(
  config: ConfigFile,
  vapidPublicKey: string,
  options: { oversPerSide?: number } = {},
): PageConfigJson {
  return {
    title: `${config.club.shortName ?? config.club.name} live scores`,
    teams: config.teams.map(({ id, label }) => ({ id, label })),
    overs: options.oversPerSide ?? 50,
    staleSeconds: 600,
    ws: '/live',
    api: '',
    vapidPublicKey,
  };
}
