import type { ConfigSettings } from './config/page-config.ts';

/** Settings from `<meta name="live-scores-…">` tags, so a page can be configured without a file. */
export function metaSettings(doc: Document): ConfigSettings {
  const meta = (name: string) =>
    doc.querySelector<HTMLMetaElement>(`meta[name="live-scores-${name}"]`)?.content ?? undefined;
  return {
    title: meta('title'),
    api: meta('api'),
    ws: meta('ws'),
    overs: meta('overs'),
    staleSeconds: meta('stale-seconds'),
    teams: meta('teams'),
    vapidPublicKey: meta('vapid-key'),
  };
}

/** `config.json` beside the page, if there is one: a missing file means "use the defaults". */
export async function configFileSettings(url: URL): Promise<ConfigSettings> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return {};
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as ConfigSettings;
    console.warn('live-scores: config.json is not a JSON object; using defaults');
  } catch (error) {
    console.warn(`live-scores: config.json could not be read (${(error as Error).message}); using defaults`);
  }
  return {};
}
