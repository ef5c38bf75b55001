/** A club team as the page labels it; the id matches the scorecards' `teamId`. */
export interface TeamLabel {
  id: string;
  label: string;
}

export interface PageConfig {
  /** Heading and document title, e.g. "Cleckheaton live scores". */
  title: string;
  /** Origin (and path prefix) of the HTTP API; "" for the page's own origin. */
  apiBase: string;
  /** Absolute ws:// or wss:// URL of the live socket. */
  wsUrl: string;
  /** Overs per side, for "need 29 from 70 balls"; the scorecard does not carry it. */
  oversPerSide: number;
  /** How long without news, while a match is in progress, before the scores are marked stale. */
  staleAfterMs: number;
  /** The club's teams in display order; empty means "whatever teams today's scorecards name". */
  teams: TeamLabel[];
  /** The VAPID public key, when the page is told it rather than fetching `/api/vapid-public-key`. */
  vapidPublicKey: string | null;
}

/** Settings as written in `<meta name="live-scores-…">` tags, element attributes or `config.json`. */
export interface ConfigSettings {
  title?: unknown;
  api?: unknown;
  ws?: unknown;
  overs?: unknown;
  staleSeconds?: unknown;
  teams?: unknown;
  vapidPublicKey?: unknown;
}

export const DEFAULTS = { title: 'Live scores', oversPerSide: 50, staleAfterSeconds: 600, wsPath: '/live' };

/** `http(s)://…` → `ws(s)://…`, resolving a relative URL against `base`. */
export function toWebSocketUrl(value: string, base: string): string {
  const url = new URL(value, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.toString();
}

function positiveNumber(value: unknown, field: string, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n) && n > 0) return n;
  problems.push(`${field}: expected a positive number, got ${JSON.stringify(value)}`);
  return undefined;
}

function text(value: unknown, field: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim();
  problems.push(`${field}: expected a string, got ${JSON.stringify(value)}`);
  return undefined;
}

/** Teams as `[{ id, label }]` or the attribute form `"firstTeam, secondTeam"`. */
function teams(value: unknown, problems: string[]): TeamLabel[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
      .map((id) => ({ id, label: id }));
  }
  const ok =
    Array.isArray(value) &&
    value.every((t) => typeof t?.id === 'string' && (t.label === undefined || typeof t.label === 'string'));
  if (!ok) {
    problems.push('teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]');
    return undefined;
  }
  return value.map((t: { id: string; label?: string }) => ({ id: t.id, label: t.label ?? t.id }));
}

/**
 * The page's settings from its sources, later sources winning (file, then meta tags or
 * attributes). A bad setting is reported as one line and replaced by its default, so a typo
 * in a club's embed never leaves supporters with an empty box.
 */
export function resolvePageConfig(
  pageUrl: string,
  ...sources: ConfigSettings[]
): { config: PageConfig; problems: string[] } {
  const problems: string[] = [];
  const merged: ConfigSettings = Object.assign({}, ...sources.map((s) => stripUndefined(s)));
  const apiBase = (text(merged.api, 'api', problems) ?? '').replace(/\/+$/, '');
  const wsSetting = text(merged.ws, 'ws', problems);
  const wsBase = apiBase ? new URL(apiBase, pageUrl).toString() : pageUrl;
  let wsUrl: string;
  try {
    wsUrl = toWebSocketUrl(wsSetting || DEFAULTS.wsPath, wsBase);
  } catch {
    problems.push(`ws: expected a URL, got ${JSON.stringify(wsSetting)}`);
    wsUrl = toWebSocketUrl(DEFAULTS.wsPath, pageUrl);
  }
  const staleSeconds =
    positiveNumber(merged.staleSeconds, 'staleSeconds', problems) ?? DEFAULTS.staleAfterSeconds;
  const config: PageConfig = {
    title: text(merged.title, 'title', problems) || DEFAULTS.title,
    apiBase,
    wsUrl,
    oversPerSide: Math.round(positiveNumber(merged.overs, 'overs', problems) ?? DEFAULTS.oversPerSide),
    staleAfterMs: staleSeconds * 1000,
    teams: teams(merged.teams, problems) ?? [],
    vapidPublicKey: text(merged.vapidPublicKey, 'vapidPublicKey', problems) || null,
  };
  return { config, problems };
}

function stripUndefined(settings: ConfigSettings): ConfigSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

/**
 * An API path under the configured base: `apiUrl("https://x.example/prod", "/api/scorecards")` keeps
 * the "/prod" stage prefix that URL resolution would drop; absolute URLs pass through.
 */
export function apiUrl(apiBase: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return apiBase ? `${apiBase}${path.startsWith('/') ? '' : '/'}${path}` : path;
}
