import { parseArgs } from 'node:util';
import { AllowedPageHost, DebounceMs } from '@live-scores/schema';
import { DEFAULT_TIMING, type WatcherTiming } from './timing.ts';
import { type WatchTarget, matchIdFromUrl, parseWatchTarget } from './watch-target.ts';

export const SCRAPE_USAGE =
  'usage: live-scores scrape --url <match-url> --team <teamId> [--url … --team …] --out -|sqs://<queue-url> ' +
  '[--bucket <name>] [--safety-poll-seconds N] [--reload-minutes N] [--tab-poll-seconds MIN,MAX] ' +
  '[--heartbeat-seconds N] [--debounce-ms N] [--allow-host HOST …] [--single-process] [--exit-with-parent]';

/** With SQS, `bucket` takes pages too large for a message even gzipped (rare: pages compress ~10×). */
export type ScrapeOutput = { kind: 'stdout' } | { kind: 'sqs'; queueUrl: string; bucket?: string };

export interface ScrapeArgs {
  targets: WatchTarget[];
  output: ScrapeOutput;
  timing: Partial<WatcherTiming>;
  singleProcess: boolean;
  /** Hosts pages may load besides the league site; the defaults when none are given. */
  allowedHosts: string[] | undefined;
  /** Stop when standard input closes: the parent that spawned us with a pipe has gone. */
  exitWithParent: boolean;
}

/** A command line the scrape command cannot run with; the message is one line for the user. */
export class ScrapeArgsError extends Error {
  override name = 'ScrapeArgsError';
}

function positiveNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new ScrapeArgsError(`--${flag}: expected a positive number, got "${value}"`);
  return n;
}

/** `sqs://https://sqs.eu-west-2.amazonaws.com/123/q` or `sqs://sqs.eu-west-2.amazonaws.com/123/q`. */
function parseOutput(out: string | undefined, bucket: string | undefined): ScrapeOutput {
  if (out === undefined) throw new ScrapeArgsError('--out is required: "-" for stdout or sqs://<queue-url>');
  if (out === '-') return { kind: 'stdout' };
  if (!out.startsWith('sqs://'))
    throw new ScrapeArgsError(`--out: expected "-" or sqs://<queue-url>, got "${out}"`);
  const rest = out.slice('sqs://'.length);
  const queueUrl = /^https?:\/\//.test(rest) ? rest : `https://${rest}`;
  if (bucket !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ScrapeArgsError(`--bucket: "${bucket}" is not an S3 bucket name`);
  }
  try {
    new URL(queueUrl);
  } catch {
    throw new ScrapeArgsError(`--out: "${out}" does not hold a queue URL`);
  }
  return bucket ? { kind: 'sqs', queueUrl, bucket } : { kind: 'sqs', queueUrl };
}

function parseTargets(urls: string[], teams: string[]): WatchTarget[] {
  if (urls.length === 0)
    throw new ScrapeArgsError('at least one --url <match-url> --team <teamId> is required');
  if (urls.length !== teams.length) {
    throw new ScrapeArgsError(
      `each --url needs its own --team (got ${urls.length} --url, ${teams.length} --team)`,
    );
  }
  const targets = urls.map((url, i) => {
    const matchId = matchIdFromUrl(url);
    if (!matchId)
      throw new ScrapeArgsError(
        `--url "${url}": expected a match URL ending in its id, e.g. …/website/results/6123456`,
      );
    try {
      return parseWatchTarget({ url, matchId, teamId: teams[i] });
    } catch (error) {
      throw new ScrapeArgsError((error as Error).message);
    }
  });
  const ids = targets.map((t) => t.matchId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new ScrapeArgsError(`match ${repeated} is given more than once`);
  return targets;
}

type TimingFlag =
  | 'safety-poll-seconds'
  | 'reload-minutes'
  | 'tab-poll-seconds'
  | 'heartbeat-seconds'
  | 'debounce-ms';

function parseTiming(values: Partial<Record<TimingFlag, string>>): Partial<WatcherTiming> {
  const timing: Partial<WatcherTiming> = {};
  const safety = positiveNumber('safety-poll-seconds', values['safety-poll-seconds']);
  if (safety) timing.safetyPollMs = safety * 1000;
  const reload = positiveNumber('reload-minutes', values['reload-minutes']);
  if (reload) timing.reloadMs = reload * 60_000;
  const heartbeat = positiveNumber('heartbeat-seconds', values['heartbeat-seconds']);
  if (heartbeat) timing.heartbeatMs = heartbeat * 1000;
  const debounce = values['debounce-ms'];
  if (debounce !== undefined) {
    // Number('') is 0: an empty value is refused rather than read as no debounce.
    const checked = DebounceMs.safeParse(debounce.trim() === '' ? Number.NaN : Number(debounce));
    if (!checked.success)
      throw new ScrapeArgsError(`--debounce-ms: ${checked.error.issues[0]?.message}, got "${debounce}"`);
    timing.debounceMs = checked.data;
    // A burst may always wait its debounce, however long that is configured.
    timing.maxWaitMs = Math.max(checked.data, DEFAULT_TIMING.maxWaitMs);
  }
  const tabPoll = values['tab-poll-seconds'];
  if (tabPoll !== undefined) {
    const [min, max] = tabPoll.split(',').map((part) => positiveNumber('tab-poll-seconds', part));
    if (!min || !max || min > max)
      throw new ScrapeArgsError(`--tab-poll-seconds: expected MIN,MAX with MIN ≤ MAX, got "${tabPoll}"`);
    timing.tabPoll = { minMs: min * 1000, maxMs: max * 1000 };
  }
  return timing;
}

function parseAllowedHosts(hosts: string[] | undefined): string[] | undefined {
  if (!hosts) return undefined;
  for (const host of hosts) {
    const checked = AllowedPageHost.safeParse(host);
    if (!checked.success)
      throw new ScrapeArgsError(`--allow-host ${host}: ${checked.error.issues[0]?.message}`);
  }
  return hosts;
}

/** The scrape command's arguments (everything after `scrape`), or a `ScrapeArgsError`. */
export function parseScrapeArgs(argv: string[]): ScrapeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string', multiple: true },
        team: { type: 'string', multiple: true },
        out: { type: 'string' },
        bucket: { type: 'string' },
        'safety-poll-seconds': { type: 'string' },
        'reload-minutes': { type: 'string' },
        'tab-poll-seconds': { type: 'string' },
        'heartbeat-seconds': { type: 'string' },
        'debounce-ms': { type: 'string' },
        'single-process': { type: 'boolean' },
        'allow-host': { type: 'string', multiple: true },
        'exit-with-parent': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ScrapeArgsError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values } = parsed;
  return {
    targets: parseTargets(values.url ?? [], values.team ?? []),
    output: parseOutput(values.out, values.bucket),
    timing: parseTiming(values),
    singleProcess: values['single-process'] ?? false,
    allowedHosts: parseAllowedHosts(values['allow-host']),
    exitWithParent: values['exit-with-parent'] ?? false,
  };
}
