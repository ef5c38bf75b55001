import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigFile } from '@live-scores/schema';
import { ConfigError, demoConfig, findConfigFile, loadConfigFile, parseConfig } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const example = path.join(repoRoot, 'live-scores.config.example.json');

async function tempFile(contents: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'config-'));
  const file = path.join(dir, 'live-scores.config.json');
  await writeFile(file, contents);
  return file;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the real-club example configuration', () => {
  it('is valid and fills in the defaults', async () => {
    const config = await loadConfigFile(example, {});
    expect(config.club.name).toBe('Cleckheaton CC');
    expect(config.league.baseUrl).toBe('https://bradfordcl.play-cricket.com');
    expect(config.teams.map((t) => [t.id, t.fixturesText])).toEqual([
      ['firstTeam', 'Cleckheaton CC - 1st XI'],
      ['secondTeam', 'Cleckheaton CC - 2nd XI'],
    ]);
    expect(config.schedule.timeZone).toBe('Europe/London');
    expect(config.push.ttlSeconds).toEqual({ score: 1800, result: 86_400 });
    expect(config.scraper.safetyPollSeconds).toBe(60);
  });
});

describe('the demo configuration', () => {
  it('is valid for any simulator address', () => {
    const config = ConfigFile.parse(demoConfig('http://127.0.0.1:8081', '/website/web_pages/1'));
    expect(config.teams).toHaveLength(2);
    expect(config.notifications.oversInterval).toBe(10);
  });
});

describe('validation', () => {
  const valid = () => JSON.parse(JSON.stringify(demoConfig('https://x.play-cricket.com', '/w/1')));

  it('names each bad field on its own line with what was expected', () => {
    const raw = valid();
    raw.teams[1].fixturesText = '';
    raw.schedule.timeZone = 'Mars/Olympus';
    raw.push.vapidSubject = 'scores@example.org';
    const problems = problemsOf(() => parseConfig(raw, 'club.json'));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^teams\[1\]\.fixturesText: /);
    expect(problems).toContain('schedule.timeZone: expected an IANA time zone such as "Europe/London"');
    expect(problems).toContain('push.vapidSubject: expected "mailto:you@club.org" or an https URL');
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it('refuses VAPID contacts the push services answer 403 to (localhost, reserved example domains)', () => {
    for (const subject of [
      'mailto:scores@localhost',
      'mailto:scores@example.com',
      'mailto:scores@mail.example.org',
      'mailto:scores@club.example',
      'mailto:scores@club.test',
      'mailto:scores@127.0.0.1',
      'https://localhost',
      'https://localhost:8443/contact',
      'https://127.0.0.1/',
    ]) {
      const raw = valid();
      raw.push.vapidSubject = subject;
      expect(
        problemsOf(() => parseConfig(raw, 'f')),
        subject,
      ).toEqual([
        'push.vapidSubject: expected a contact the push services accept: not localhost or a reserved example domain (Apple answers 403 BadJwtToken)',
      ]);
    }
    for (const subject of ['mailto:scores@cleckheatoncc.co.uk', 'https://cleckheatoncc.co.uk/contact']) {
      const raw = valid();
      raw.push.vapidSubject = subject;
      expect(parseConfig(raw, 'f').push.vapidSubject).toBe(subject);
    }
  });

  it('has safe defaults for the proxy, the live socket caps and the subscription caps', () => {
    const { server, scraper } = parseConfig(valid(), 'f');
    expect(server.trustProxy).toBe(0);
    expect(server.live).toEqual({
      maxConnections: 20_000,
      maxConnectionsPerClient: 200,
      messagesPerMinute: 120,
      maxBufferedKiB: 4096,
    });
    expect(server.subscriptions).toEqual({ max: 100_000, createBurst: 20, createPerHour: 120 });
    expect(scraper.allowedHosts).toContain('*.play-cricket.com');
  });

  it('takes an optional report model, defaulting its timeout, and names what is wrong with one', () => {
    expect(parseConfig(valid(), 'f').report).toEqual({});
    const withModel = {
      ...valid(),
      report: { llm: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' } },
    };
    expect(parseConfig(withModel, 'f').report.llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
      timeoutSeconds: 20,
    });
    const bad = {
      ...valid(),
      report: { llm: { baseUrl: 'ftp://models', model: '', apiKey: 'sk-in-the-file' } },
    };
    const problems = problemsOf(() => parseConfig(bad, 'f'));
    expect(problems).toContain('report.llm.baseUrl: expected the http(s) base URL of the API');
    expect(problems.some((p) => p.startsWith('report.llm.model: '))).toBe(true);
    expect(problems.some((p) => p.includes('apiKey'))).toBe(true);
  });

  it('rejects unknown top-level keys, so a typo is not silently ignored', () => {
    const raw = { ...valid(), notifcations: {} };
    expect(problemsOf(() => parseConfig(raw, 'f'))[0]).toMatch(/notifcations/);
  });

  it('rejects duplicate team ids and schedules that are not EventBridge cron expressions', () => {
    const raw = valid();
    raw.teams[1].id = raw.teams[0].id;
    raw.schedule.findFixtures = '*/30 11-15 * * 6,0';
    const problems = problemsOf(() => parseConfig(raw, 'f'));
    expect(problems).toContain('teams: expected unique team ids');
    expect(problems.some((p) => p.startsWith('schedule.findFixtures: expected an EventBridge cron'))).toBe(
      true,
    );
  });

  it('applies PORT, HOST, DATA_DIR and PUSH_ALLOWED_HOSTS from the environment', () => {
    const config = parseConfig(valid(), 'f', {
      PORT: '9090',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/data',
      PUSH_ALLOWED_HOSTS: '127.0.0.1:8443, fcm.googleapis.com',
    });
    expect(config.server).toMatchObject({ port: 9090, host: '0.0.0.0', dataDir: '/srv/data' });
    expect(config.push.allowedHosts).toEqual(['127.0.0.1:8443', 'fcm.googleapis.com']);
  });

  it('reports a non-numeric PORT as a bad server.port', () => {
    expect(problemsOf(() => parseConfig(valid(), 'f', { PORT: 'eighty' }))[0]).toMatch(/^server\.port: /);
  });
});

describe('loading files', () => {
  it('says when the file is missing', async () => {
    await expect(loadConfigFile('/nonexistent/live-scores.config.json', {})).rejects.toMatchObject({
      problems: ['file not found'],
    });
  });

  it('says when the file is not JSON', async () => {
    const file = await tempFile('{ "club": ');
    const error = await loadConfigFile(file, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/^not valid JSON: /);
    expect((error as ConfigError).message).toContain(file);
  });

  it('fails closed: a configuration that exists but cannot be read is an error, never "no configuration"', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'config-dir-'));
    await mkdir(path.join(dir, 'live-scores.config.json'));
    const found = await findConfigFile(undefined, dir, {});
    expect(found).toBe(path.join(dir, 'live-scores.config.json'));
    const error = await loadConfigFile(found!, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(`${found}: cannot read: is a directory, not a file (EISDIR)`);

    // A working directory that is not a directory: the lookup itself fails, with the reason.
    const notADir = await tempFile('{}');
    await expect(findConfigFile(undefined, notADir, {})).rejects.toThrow(
      /cannot read: a path component is not a directory \(ENOTDIR\)$/,
    );
  });

  it('finds live-scores.config.json in the working directory, or nothing for the demo', async () => {
    const file = await tempFile('{}');
    expect(await findConfigFile(undefined, path.dirname(file), {})).toBe(file);
    expect(await findConfigFile(undefined, tmpdir(), {})).toBeUndefined();
    expect(await findConfigFile('other.json', '/srv', {})).toBe('/srv/other.json');
    expect(await findConfigFile(undefined, '/srv', { LIVE_SCORES_CONFIG: 'x.json' })).toBe('/srv/x.json');
  });
});
