import type { WatchedMatch } from '@live-scores/core';

/** The instance tag listing the matches a host watches: `teamId:matchId` words, space separated. */
export const MATCHES_TAG = 'Matches';
/**
 * The tags launch-scraper puts on a host it starts, and the one tag it changes afterwards.
 * The stack allows tagging with these keys and no others.
 */
export const HOST_LAUNCH_TAG_KEYS = ['Name', 'Owner', 'Role', 'Date', MATCHES_TAG] as const;
export const HOST_RETAG_KEYS = [MATCHES_TAG] as const;

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

/** Where the launch template's user data puts things on the host, and where the supervisor finds them. */
export const SCRAPER_HOST_PATHS = {
  /** The esbuild bundle of `scraper/src/main.ts`. */
  scraperEntry: '/opt/live-scores/scraper/index.mjs',
  supervisor: '/opt/live-scores/supervise-scraper.sh',
  /** systemd `EnvironmentFile` of the service: the variables of `scraperHostEnvironment`. */
  environmentFile: '/etc/live-scores/scraper.env',
  /** The club's scraper settings as scrape flags, one per line (`scraperSettingsArgs`). */
  settingsFile: '/etc/live-scores/scraper.args',
} as const;

/** What the stack knows and every host of the club shares; the matches come from the host's tag. */
export interface ScraperHostSettings {
  region: string;
  /** The league site; match pages are `<base>/website/results/<matchId>`. */
  leagueBaseUrl: string;
  /** The html queue; the scraper is run with `--out sqs://<url>`. */
  htmlQueueUrl: string;
  /** Where pages too large for a message go (`--bucket`). */
  htmlBucket: string;
}

/** The environment the supervisor script reads, as written to the service's environment file. */
export function scraperHostEnvironment(settings: ScraperHostSettings): Record<string, string> {
  return {
    AWS_REGION: settings.region,
    LEAGUE_BASE_URL: settings.leagueBaseUrl.replace(/\/+$/, ''),
    HTML_QUEUE_URL: settings.htmlQueueUrl,
    HTML_BUCKET: settings.htmlBucket,
  };
}

/**
 * The scraper host's supervisor, run by systemd as the scraper service. It reads the
 * host's `Matches` tag from the instance metadata service (IMDSv2; the launch template
 * exposes instance tags there) and runs the scraper bundle for those matches. Once a
 * minute it reads the tag again: when launch-scraper has added a match, the scraper is
 * restarted with the new set (its first message for every match after a start carries the
 * current state, so a restart loses nothing). A scraper that fails is started again. One
 * that exits 0 has seen every match finish: if the set is unchanged the supervisor exits 0
 * and the unit's `SuccessAction=poweroff` shuts the host down, which terminates it.
 *
 * Its inputs are environment variables (the service's environment file, and `NODE_BIN`)
 * and the club's scraper settings file, passed to every scraper it starts;
 * `IMDS_ENDPOINT`, `TAG_POLL_SECONDS`, `RESTART_DELAY_SECONDS`, `TAG_WAIT_ATTEMPTS` and
 * `SCRAPER_SETTINGS_FILE` exist so the script can be run against a loopback stand-in.
 */
export function scraperSupervisorScript(): string {
  return `#!/bin/bash
set -uo pipefail
: "\${NODE_BIN:?}" "\${LEAGUE_BASE_URL:?}" "\${HTML_QUEUE_URL:?}" "\${HTML_BUCKET:?}"
SCRAPER_ENTRY=\${SCRAPER_ENTRY:-${SCRAPER_HOST_PATHS.scraperEntry}}
IMDS=\${IMDS_ENDPOINT:-http://169.254.169.254}
POLL=\${TAG_POLL_SECONDS:-60}
DELAY=\${RESTART_DELAY_SECONDS:-10}
ATTEMPTS=\${TAG_WAIT_ATTEMPTS:-30}
SETTINGS_FILE=\${SCRAPER_SETTINGS_FILE:-${SCRAPER_HOST_PATHS.settingsFile}}
# One flag or value per line: read into an array, so no word is split or globbed.
settings=()
if [ -r "$SETTINGS_FILE" ]; then mapfile -t settings < "$SETTINGS_FILE"; fi
pid=
sleeper=

log() {
  printf '{"level":"%s","time":"%s","service":"scraper-supervisor","message":"%s","matches":"%s"}\\n' \\
    "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$2" "\${3:-}"
}

# IMDSv2: a session token first, then the tag; fails when the tag is not readable.
matches_tag() {
  local token
  token=$(curl -sf -m 5 -X PUT "$IMDS/latest/api/token" -H 'X-aws-ec2-metadata-token-ttl-seconds: 300') &&
    curl -sf -m 5 -H "X-aws-ec2-metadata-token: $token" "$IMDS/latest/meta-data/tags/instance/${MATCHES_TAG}"
}

# A sleep that a signal interrupts at once.
pause() {
  sleep "$1" &
  sleeper=$!
  wait "$sleeper"
  sleeper=
}

stop() {
  [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid"
  exit 143
}
trap stop TERM INT

matches=
for ((attempt = 0; attempt < ATTEMPTS; attempt++)); do
  matches=$(matches_tag) && [ -n "$matches" ] && break
  matches=
  pause "$DELAY"
done
if [ -z "$matches" ]; then
  log error 'no ${MATCHES_TAG} tag readable from instance metadata'
  exit 1
fi

while :; do
  args=()
  for m in $matches; do
    args+=(--url "$LEAGUE_BASE_URL/website/results/\${m#*:}" --team "\${m%%:*}")
  done
  log info 'starting scraper' "$matches"
  "$NODE_BIN" "$SCRAPER_ENTRY" "\${args[@]}" "\${settings[@]}" --out "sqs://$HTML_QUEUE_URL" --bucket "$HTML_BUCKET" &
  pid=$!
  changed=0
  while kill -0 "$pid" 2>/dev/null; do
    pause "$POLL"
    latest=$(matches_tag) || continue
    if [ -n "$latest" ] && [ "$latest" != "$matches" ]; then
      matches=$latest
      changed=1
      log info '${MATCHES_TAG} tag changed; restarting scraper' "$matches"
      kill -TERM "$pid" 2>/dev/null
      break
    fi
  done
  wait "$pid"
  status=$?
  pid=
  [ "$changed" -eq 1 ] && continue
  latest=$(matches_tag) || latest=$matches
  if [ "$status" -eq 0 ] && [ "\${latest:-$matches}" = "$matches" ]; then
    log info 'every match is over' "$matches"
    exit 0
  fi
  matches=\${latest:-$matches}
  log warn "scraper exited with status $status; starting it again" "$matches"
  pause "$DELAY"
done
`;
}
