import type { MatchId, TeamConfig, TeamId } from '@live-scores/schema';
import { loadHtml } from './dom.ts';
import { matchIdFromUrl } from './match-source.ts';
import { normaliseSpace } from './text.ts';

/** A club team's match found on the fixtures page. */
export interface FixtureLink {
  matchId: MatchId;
  url: string;
  teamId: TeamId;
}

export interface FixturesPageOptions {
  /** The league site, e.g. "https://bradfordcl.play-cricket.com"; match paths are relative to it. */
  baseUrl: string;
  teams: Pick<TeamConfig, 'id' | 'fixturesText'>[];
}

/** `window.open('/website/results/6123456', '_self')` → the path. */
const WINDOW_OPEN = /window\.open\(\s*(['"])(.+?)\1/;

/**
 * The day's matches for the configured teams. Each match row opens its match page from an
 * `onclick`, and names both sides in anchors; a team matches when an anchor's text equals
 * its fixtures text (whitespace and case aside), home or away. One entry per match and
 * team, so a match between two of the club's own teams is followed for both.
 */
export function parseFixturesPage(html: string, options: FixturesPageOptions): FixtureLink[] {
  const $ = loadHtml(html);
  const wanted = options.teams.map((team) => ({ id: team.id, text: comparable(team.fixturesText) }));
  const found = new Map<string, FixtureLink>();
  for (const row of $('tr[onclick]').toArray()) {
    const path = WINDOW_OPEN.exec(row.attribs.onclick ?? '')?.[2];
    const matchId = path ? matchIdFromUrl(path) : undefined;
    if (!path || !matchId) continue;
    const names = new Set(
      $(row)
        .find('a')
        .toArray()
        .map((a) => comparable($(a).text())),
    );
    for (const team of wanted) {
      const key = `${matchId}:${team.id}`;
      if (names.has(team.text) && !found.has(key)) {
        found.set(key, { matchId, url: new URL(path, options.baseUrl).href, teamId: team.id });
      }
    }
  }
  return [...found.values()];
}

function comparable(text: string): string {
  return normaliseSpace(text).toLowerCase();
}
