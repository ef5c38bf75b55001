import { describe, expect, it } from 'vitest';
import { ConfigFile } from '@live-scores/schema';
import { ScrapeArgsError, parseScrapeArgs } from './scrape-args.ts';
import { scraperSettingsArgs } from './settings-args.ts';
import { DEFAULT_TIMING } from './timing.ts';

const URL_A = 'https://bradfordcl.play-cricket.com/website/results/6123456';
const URL_B = 'https://bradfordcl.play-cricket.com/website/results/6123999/';

describe('parseScrapeArgs', () => {
  it('pairs each --url with the --team that follows it and takes the match id from the URL', () => {
    const args = parseScrapeArgs([
      '--url',
      URL_A,
      '--team',
      'firstTeam',
      '--url',
      URL_B,
      '--team',
      'secondTeam',
      '--out',
      '-',
    ]);
    expect(args.targets).toEqual([
      { url: URL_A, matchId: '6123456', teamId: 'firstTeam' },
      { url: URL_B, matchId: '6123999', teamId: 'secondTeam' },
    ]);
    expect(args.output).toEqual({ kind: 'stdout' });
    expect(args.singleProcess).toBe(false);
  });

  it('reads an SQS queue URL, with or without its scheme, and the overflow bucket', () => {
    const queue = 'sqs.eu-west-2.amazonaws.com/123456789012/live-scores-html';
    const base = ['--url', URL_A, '--team', 'firstTeam', '--bucket', 'html-bodies'];
    expect(parseScrapeArgs([...base, '--out', `sqs://${queue}`]).output).toEqual({
      kind: 'sqs',
      queueUrl: `https://${queue}`,
      bucket: 'html-bodies',
    });
    expect(parseScrapeArgs([...base, '--out', `sqs://https://${queue}`]).output).toMatchObject({
      queueUrl: `https://${queue}`,
    });
    const withoutBucket = ['--url', URL_A, '--team', 'firstTeam', '--out', `sqs://${queue}`];
    expect(parseScrapeArgs(withoutBucket).output).toEqual({ kind: 'sqs', queueUrl: `https://${queue}` });
  });

  it('turns the timing flags into watcher timing', () => {
    const args = parseScrapeArgs([
      '--url',
      URL_A,
      '--team',
      'firstTeam',
      '--out',
      '-',
      '--safety-poll-seconds',
      '30',
      '--reload-minutes',
      '15',
      '--tab-poll-seconds',
      '60,600',
      '--heartbeat-seconds',
      '10',
    ]);
    expect(args.timing).toEqual({
      safetyPollMs: 30_000,
      reloadMs: 900_000,
      tabPoll: { minMs: 60_000, maxMs: 600_000 },
      heartbeatMs: 10_000,
    });
  });

  it.each([
    [[], 'at least one --url <match-url> --team <teamId> is required'],
    [['--url', URL_A, '--out', '-'], 'each --url needs its own --team (got 1 --url, 0 --team)'],
    [['--url', URL_A, '--team', 'firstTeam'], '--out is required: "-" for stdout or sqs://<queue-url>'],
    [
      ['--url', URL_A, '--team', 'firstTeam', '--out', 'file.txt'],
      '--out: expected "-" or sqs://<queue-url>, got "file.txt"',
    ],
    [
      [
        '--url',
        URL_A,
        '--team',
        'firstTeam',
        '--out',
        'sqs://sqs.eu-west-2.amazonaws.com/1/q',
        '--bucket',
        'No_Bucket',
      ],
      '--bucket: "No_Bucket" is not an S3 bucket name',
    ],
    [
      ['--url', 'https://x.play-cricket.com/website/results/', '--team', 'firstTeam', '--out', '-'],
      '--url "https://x.play-cricket.com/website/results/": expected a match URL ending in its id, e.g. …/website/results/6123456',
    ],
    [
      ['--url', URL_A, '--team', '1st XI', '--out', '-'],
      /^invalid match to watch: teamId: expected a team id/,
    ],
    [
      ['--url', URL_A, '--team', 'a', '--url', URL_A, '--team', 'b', '--out', '-'],
      'match 6123456 is given more than once',
    ],
    [
      ['--url', URL_A, '--team', 'firstTeam', '--out', '-', '--tab-poll-seconds', '600,60'],
      /^--tab-poll-seconds: expected MIN,MAX/,
    ],
    [
      ['--url', URL_A, '--team', 'firstTeam', '--out', '-', '--debounce-ms', '2.5'],
      '--debounce-ms: expected whole milliseconds from 0 to 5000, got "2.5"',
    ],
    [
      ['--url', URL_A, '--team', 'firstTeam', '--out', '-', '--debounce-ms', ''],
      '--debounce-ms: expected whole milliseconds from 0 to 5000, got ""',
    ],
    [
      ['--url', URL_A, '--team', 'firstTeam', '--out', '-', '--debounce-ms', '5001'],
      '--debounce-ms: expected whole milliseconds from 0 to 5000, got "5001"',
    ],
    [['--url', URL_A, '--team', 'firstTeam', '--out', '-', '--verbose'], /^Unknown option '--verbose'/],
  ])('rejects %j with one line: %s', (argv, reason) => {
    let caught: unknown;
    try {
      parseScrapeArgs(argv as string[]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScrapeArgsError);
    const message = (caught as Error).message;
    expect(message).not.toContain('\n');
    if (typeof reason === 'string') expect(message).toBe(reason);
    else expect(message).toMatch(reason);
  });
});

describe("the config file's scraper section as flags", () => {
  const config = ConfigFile.parse({
    club: { name: 'Cleckheaton CC', slug: 'cleckheaton' },
    league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
    teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
    push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
    scraper: {
      safetyPollSeconds: 30,
      reloadMinutes: 20,
      tabPollSeconds: { min: 90, max: 300 },
      debounceMs: 25,
      allowedHosts: ['cdn.example.com', '*.scripts.example.com'],
    },
  });
  const target = ['--url', URL_A, '--team', 'firstTeam', '--out', '-'];

  it('reach the scraper as the same settings, in milliseconds', () => {
    const args = parseScrapeArgs([...target, ...scraperSettingsArgs(config.scraper)]);
    expect({ ...DEFAULT_TIMING, ...args.timing }).toEqual({
      ...DEFAULT_TIMING,
      debounceMs: 25,
      safetyPollMs: 30_000,
      reloadMs: 1_200_000,
      tabPoll: { minMs: 90_000, maxMs: 300_000 },
    });
    expect(args.allowedHosts).toEqual(['cdn.example.com', '*.scripts.example.com']);
  });

  it('let a burst wait at least the debounce, however long it is configured', () => {
    const slow = ConfigFile.parse({ ...config, scraper: { debounceMs: 400 } });
    expect(parseScrapeArgs([...target, ...scraperSettingsArgs(slow.scraper)]).timing).toMatchObject({
      debounceMs: 400,
      maxWaitMs: 400,
    });
    const none = ConfigFile.parse({ ...config, scraper: { debounceMs: 0 } });
    expect(parseScrapeArgs([...target, ...scraperSettingsArgs(none.scraper)]).timing).toMatchObject({
      debounceMs: 0,
      maxWaitMs: DEFAULT_TIMING.maxWaitMs,
    });
  });
});
