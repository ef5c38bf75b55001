import type { WatchedMatch } from '@live-scores/core';

/** The instance tag listing the matches a host watches: `teamId:matchId` words, space separated. */
export const MATCHES_TAG = 'Matches';
/** EC2 tag values are at most 256 characters: about twenty matches, far above a club's day. */
export const MAX_TAG_VALUE = 256;

export function matchesTagValue(matches: readonly Pick<WatchedMatch, 'teamId' | 'matchId'>[]): string {
  const value = matches.map((m) => `${m.teamId}:${m.matchId}`).join(' ');
  if (value.length > MAX_TAG_VALUE) {
    throw new Error(
      `${matches.length} matches do not fit the ${MATCHES_TAG} tag (${value.length} > ${MAX_TAG_VALUE})`,
    );
  }
  return value;
}

export function parseMatchesTag(value: string, matchUrl: (matchId: string) => string): WatchedMatch[] {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      const [teamId, matchId] = word.split(':');
      return teamId && matchId ? [{ teamId, matchId, url: matchUrl(matchId) }] : [];
    });
}

export interface ScraperHostScript {
  /** The league site; match pages are `<base>/website/results/<matchId>`. */
  leagueBaseUrl: string;
  /** Where the scraper sends what it captures, e.g. `sqs://https://sqs.eu-west-2.amazonaws.com/1/html`. */
  out: string;
  region: string;
  matches: readonly WatchedMatch[];
  /** The installed command (the launch template's image provides it). */
  command?: string;
}

/**
 * The host's boot script. It runs the scraper for the matches it was launched with, and
 * once a minute reads its own `Matches` tag from the instance metadata service (the launch
 * template enables instance tags in metadata): when launch-scraper has added a match, the
 * scraper is restarted with the new set. The scraper's first message for every match
 * after a start carries the current state, so a restart loses nothing. A scraper that
 * crashes is started again; one that exits 0 has seen every match finish, and the host
 * powers off (the launch template's shutdown behaviour is terminate).
 */
export function scraperHostUserData(script: ScraperHostScript): string {
  const command = script.command ?? '/opt/live-scores/node_modules/.bin/live-scores';
  const body = `#!/bin/bash
set -uo pipefail
export AWS_REGION=${quote(script.region)}
BASE=${quote(script.leagueBaseUrl.replace(/\/+$/, ''))}
OUT=${quote(script.out)}
MATCHES=${quote(matchesTagValue(script.matches))}

matches_tag() {
  local token
  token=$(curl -sf -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300') &&
    curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/tags/instance/${MATCHES_TAG}
}

scrape_args() {
  for m in $MATCHES; do printf -- '--url %s/website/results/%s --team %s ' "$BASE" "\${m#*:}" "\${m%%:*}"; done
}

while :; do
  # shellcheck disable=SC2046
  ${command} scrape $(scrape_args) --out "$OUT" &
  pid=$!
  restarting=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 60
    latest=$(matches_tag) || latest=$MATCHES
    if [ -n "$latest" ] && [ "$latest" != "$MATCHES" ]; then
      MATCHES=$latest
      restarting=1
      kill -TERM "$pid"
    fi
  done
  wait "$pid"
  status=$?
  [ "$restarting" -eq 1 ] && continue
  latest=$(matches_tag) || latest=$MATCHES
  if [ "$status" -eq 0 ] && [ "$latest" = "$MATCHES" ]; then break; fi
  MATCHES=\${latest:-$MATCHES}
  sleep 5
done
shutdown -h now
`;
  return body;
}

/** Single-quoted for bash: nothing inside is expanded. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
