import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  matchesTagValue,
  parseMatchesTag,
  SCRAPER_HOST_PATHS,
  scraperHostEnvironment,
  scraperSupervisorScript,
} from './scraper-host-user-data.ts';

const matches = [
  {
    matchId: '6123456',
    teamId: 'firstTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  },
  {
    matchId: '6123457',
    teamId: 'secondTeam',
    url: 'https://bradfordcl.play-cricket.com/website/results/6123457',
  },
];
const matchUrl = (id: string): string => `https://bradfordcl.play-cricket.com/website/results/${id}`;
const QUEUE_URL = 'https://sqs.eu-west-2.amazonaws.com/123456789012/live-scores-html';

describe('the Matches tag', () => {
  it('round-trips the matches', () => {
    expect(matchesTagValue(matches)).toBe('firstTeam:6123456 secondTeam:6123457');
    expect(parseMatchesTag('firstTeam:6123456  secondTeam:6123457 junk', matchUrl)).toEqual(matches);
  });

  it('refuses more matches than a tag value can hold', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      matchId: `61234${i}`,
      teamId: 'aVeryLongTeamIdentifier',
      url: '',
    }));
    expect(() => matchesTagValue(many)).toThrow(/do not fit the Matches tag/);
  });
});

describe('the scraper host environment', () => {
  it('names the region, the league site without a trailing slash, the queue and the bucket', () => {
    expect(
      scraperHostEnvironment({
        region: 'eu-west-2',
        leagueBaseUrl: 'https://bradfordcl.play-cricket.com/',
        htmlQueueUrl: QUEUE_URL,
        htmlBucket: 'cleckheaton-scorecards-1',
      }),
    ).toEqual({
      AWS_REGION: 'eu-west-2',
      LEAGUE_BASE_URL: 'https://bradfordcl.play-cricket.com',
      HTML_QUEUE_URL: QUEUE_URL,
      HTML_BUCKET: 'cleckheaton-scorecards-1',
    });
  });
});

describe('the scraper supervisor script', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n'], { input: scraperSupervisorScript() }).status).toBe(0);
  });
});

/** A loopback instance metadata service: IMDSv2 tokens and one instance tag, `Matches`. */
class FakeMetadataService {
  tag = '';
  readonly tokenlessReads: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    if (request.method === 'PUT' && request.url === '/latest/api/token') {
      response.end('token-1');
    } else if (request.url === '/latest/meta-data/tags/instance/Matches') {
      if (request.headers['x-aws-ec2-metadata-token'] !== 'token-1') {
        this.tokenlessReads.push(request.url);
        response.writeHead(401).end();
      } else if (this.tag) response.end(this.tag);
      else response.writeHead(404).end();
    } else response.writeHead(404).end();
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Stands in for `node`: records its arguments, one line per start, then behaves as the
 * next line of `behaviours` says: exit 0, exit 1, or run until SIGTERM (then exit 0, as
 * the scraper does).
 */
const FAKE_NODE = `#!/bin/bash
dir=$(dirname "$0")
printf '%s\\n' "$*" >> "$dir/starts"
n=$(wc -l < "$dir/starts")
case $(sed -n "\${n}p" "$dir/behaviours") in
  fail) exit 1 ;;
  run) trap 'exit 0' TERM; while :; do sleep 0.05; done ;;
  *) exit 0 ;;
esac
`;

describe('the scraper supervisor', () => {
  const imds = new FakeMetadataService();
  let imdsUrl: string;
  let dir: string;

  beforeAll(async () => {
    imdsUrl = await imds.listen();
  });
  afterAll(() => imds.close());
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function supervise(
    behaviours: string[],
    whileRunning?: () => Promise<void>,
    settings?: { lines: string[]; alsoInWorkingDir?: string },
  ) {
    dir = await mkdtemp(path.join(tmpdir(), 'supervisor-'));
    await writeFile(path.join(dir, 'node'), FAKE_NODE, { mode: 0o755 });
    await writeFile(path.join(dir, 'behaviours'), behaviours.join('\n') + '\n');
    if (settings) await writeFile(path.join(dir, 'scraper.args'), settings.lines.join('\n') + '\n');
    if (settings?.alsoInWorkingDir) await writeFile(path.join(dir, settings.alsoInWorkingDir), '');
    const child = spawn('bash', ['-c', scraperSupervisorScript()], {
      cwd: dir,
      env: {
        SCRAPER_SETTINGS_FILE: path.join(dir, 'scraper.args'),
        PATH: process.env.PATH,
        NODE_BIN: path.join(dir, 'node'),
        IMDS_ENDPOINT: imdsUrl,
        TAG_POLL_SECONDS: '0.1',
        RESTART_DELAY_SECONDS: '0.1',
        TAG_WAIT_ATTEMPTS: '50',
        ...scraperHostEnvironment({
          region: 'eu-west-2',
          leagueBaseUrl: 'https://bradfordcl.play-cricket.com',
          htmlQueueUrl: QUEUE_URL,
          htmlBucket: 'scorecards',
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      await whileRunning?.();
      const code = await exited;
      const starts = (await readFile(path.join(dir, 'starts'), 'utf8')).trim().split('\n');
      return {
        code,
        starts,
        log: output
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as object),
      };
    } finally {
      clearTimeout(killer);
    }
  }

  const scrape = (...tagged: [team: string, match: string][]): string => scrapeWith([], ...tagged);
  const scrapeWith = (settings: string[], ...tagged: [team: string, match: string][]): string =>
    [
      SCRAPER_HOST_PATHS.scraperEntry,
      ...tagged.map(
        ([team, match]) =>
          `--url https://bradfordcl.play-cricket.com/website/results/${match} --team ${team}`,
      ),
      ...settings,
      `--out sqs://${QUEUE_URL} --bucket scorecards`,
    ].join(' ');

  async function until(condition: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 25));
  }

  it('runs the scraper bundle for the tagged matches and exits 0 (host powers off) when it finishes', async () => {
    imds.tag = 'firstTeam:6123456 secondTeam:6123457';

    const run = await supervise(['done']);

    expect(run.code).toBe(0);
    expect(run.starts).toEqual([scrape(['firstTeam', '6123456'], ['secondTeam', '6123457'])]);
    expect(run.log).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'every match is over',
        service: 'scraper-supervisor',
      }),
    );
    expect(imds.tokenlessReads).toEqual([]);
  });

  it('restarts the scraper with the new set when a match is added to the tag', async () => {
    imds.tag = 'firstTeam:6123456';
    const started = async () => (await readFile(path.join(dir, 'starts'), 'utf8').catch(() => '')) !== '';

    const run = await supervise(['run', 'done'], async () => {
      await until(started);
      imds.tag = 'firstTeam:6123456 secondTeam:6123457';
    });

    expect(run.code).toBe(0);
    expect(run.starts).toEqual([
      scrape(['firstTeam', '6123456']),
      scrape(['firstTeam', '6123456'], ['secondTeam', '6123457']),
    ]);
    expect(run.log).toContainEqual(
      expect.objectContaining({
        message: 'Matches tag changed; restarting scraper',
        matches: 'firstTeam:6123456 secondTeam:6123457',
      }),
    );
  });

  it('starts a failed scraper again, and exits only after a clean finish', async () => {
    imds.tag = 'secondTeam:6123457';

    const run = await supervise(['fail', 'done']);

    expect(run.code).toBe(0);
    expect(run.starts).toEqual([scrape(['secondTeam', '6123457']), scrape(['secondTeam', '6123457'])]);
    expect(run.log).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'scraper exited with status 1; starting it again' }),
    );
  });

  it("passes the club's scraper settings to every scraper it starts, word for word", async () => {
    imds.tag = 'firstTeam:6123456';
    const lines = ['--allow-host', '*.example.com', '--debounce-ms', '25'];

    // A file the wildcard would match if the shell expanded it.
    const run = await supervise(['fail', 'done'], undefined, { lines, alsoInWorkingDir: 'cdn.example.com' });

    expect(run.code).toBe(0);
    const expected = scrapeWith(lines, ['firstTeam', '6123456']);
    expect(run.starts).toEqual([expected, expected]);
  });
});
