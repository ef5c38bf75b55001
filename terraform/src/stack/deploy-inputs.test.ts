import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG } from '../testing/example-stack.ts';
import { functionConfigJson, stateBackend, terraformLiteral } from './deploy-settings.ts';
import { heartbeatWatchStart } from './schedules.ts';
import { SCRAPER_HOST_PATHS, scraperSupervisorScript } from '@live-scores/aws/scraper-host';
import { seasonSwitchTimes } from './season-switch.ts';
import { CHROMIUM_ARM64_PACK_URL, scraperUserData } from './user-data.ts';

describe('heartbeatWatchStart', () => {
  it('starts watching two hours after the first fixtures search, on the same days and months', () => {
    expect(heartbeatWatchStart('cron(0/30 11-15 ? 4-9 SAT,SUN *)')).toBe('cron(0 13 ? 4-9 SAT,SUN *)');
  });

  it('rejects what is not a cron expression', () => {
    expect(() => heartbeatWatchStart('rate(5 minutes)')).toThrow(
      'schedule.findFixtures: not a cron expression',
    );
  });
});

describe('stateBackend', () => {
  it('uses the environment over the config, with a per-club key and the config region by default', () => {
    expect(stateBackend(EXAMPLE_CONFIG, { TF_STATE_BUCKET: 'club-state' })).toEqual({
      bucket: 'club-state',
      key: 'live-scores/cleckheaton.tfstate',
      region: 'eu-west-2',
    });
  });

  it('keeps local state when no bucket is named', () => {
    expect(stateBackend(EXAMPLE_CONFIG, {})).toBeUndefined();
  });
});

describe('functionConfigJson', () => {
  it('drops the deployment-only aws section', () => {
    const json = JSON.parse(functionConfigJson(EXAMPLE_CONFIG)) as Record<string, unknown>;
    expect(json.aws).toBeUndefined();
    expect(json.teams).toEqual(EXAMPLE_CONFIG.teams);
  });
});

describe('terraformLiteral', () => {
  it('escapes Terraform template sequences so data stays data', () => {
    expect(terraformLiteral('a ${b} %{c}')).toBe('a $${b} %%{c}');
  });
});

describe('seasonSwitchTimes', () => {
  it('switches queue polling on the 1st of every season month and off the 1st of every other month', () => {
    expect(seasonSwitchTimes(EXAMPLE_CONFIG.schedule)).toEqual({
      on: 'cron(0 0 1 4,5,6,7,8,9 ? *)',
      off: 'cron(0 0 1 1,2,3,10,11,12 ? *)',
    });
  });

  it('counts the months of the sweep as season too, and reads month names', () => {
    expect(
      seasonSwitchTimes({
        ...EXAMPLE_CONFIG.schedule,
        findFixtures: 'cron(0/30 11-15 ? MAY-AUG SAT,SUN *)',
        sweepScrapers: 'cron(0 21 ? SEP SAT,SUN *)',
      }),
    ).toEqual({ on: 'cron(0 0 1 5,6,7,8,9 ? *)', off: 'cron(0 0 1 1,2,3,4,10,11,12 ? *)' });
  });

  it('switches nothing when the schedules run all year', () => {
    expect(
      seasonSwitchTimes({
        ...EXAMPLE_CONFIG.schedule,
        findFixtures: 'cron(0/30 11-15 ? * SAT,SUN *)',
      }),
    ).toBeUndefined();
  });
});

describe('scraperUserData', () => {
  const script = scraperUserData({
    region: 'eu-west-2',
    bundleBucket: 'artifacts',
    bundleKey: 'scraper/abc.zip',
    logGroupName: '/live-scores/cleckheaton/scraper',
    leagueBaseUrl: 'https://bradfordcl.play-cricket.com/',
    htmlQueueUrl: 'https://sqs.eu-west-2.amazonaws.com/1/html',
    htmlBucket: 'scorecards',
    chromiumPackSha256: 'ab'.repeat(32),
    scraperSettings: ['--allow-host', '*.example.com', '--debounce-ms', '25'],
  });
  const lines = script.split('\n');
  /** The file a `cat > <path> <<'TAG'` … `TAG` here-document writes. */
  const hereDocument = (path: string): string[] => {
    const start = lines.findIndex((l) => l.startsWith(`cat > ${path} <<'`));
    const tag = /<<'(\w+)'$/.exec(lines[start] ?? '')?.[1];
    return lines.slice(start + 1, lines.indexOf(tag ?? '', start));
  };

  it('fetches the scraper bundle from S3', () => {
    expect(lines).toContain(
      'aws s3 cp s3://artifacts/scraper/abc.zip /opt/live-scores/scraper.zip --region eu-west-2',
    );
    expect(lines).toContain('unzip -o -q /opt/live-scores/scraper.zip -d /opt/live-scores/scraper');
  });

  it('downloads the arm64 Chromium pack to a file and checks its SHA-256 before unpacking it', () => {
    const download = lines.findIndex((l) => l.startsWith('curl ') && l.includes(CHROMIUM_ARM64_PACK_URL));
    expect(lines[download]).toBe(
      `curl -fsSL --retry 5 -o /opt/live-scores/chromium-pack.tar ${CHROMIUM_ARM64_PACK_URL}`,
    );
    expect(lines[download + 1]).toMatch(
      new RegExp(`^echo '${'ab'.repeat(32)}  /opt/live-scores/chromium-pack.tar' \\| sha256sum --check`),
    );
    expect(lines[download + 2]).toMatch(/^tar -x -f \/opt\/live-scores\/chromium-pack.tar /);
    expect(script).not.toMatch(/curl[^\n]*\| *tar/);
  });

  it('installs the one supervisor script from the AWS adapters, byte for byte', () => {
    const encoded = Buffer.from(scraperSupervisorScript()).toString('base64');
    expect(lines).toContain(`echo ${encoded} | base64 -d > /opt/live-scores/supervise-scraper.sh`);
  });

  it('gives the supervisor the region, league site, html queue and bucket it runs the scraper with', () => {
    expect(hereDocument('/etc/live-scores/scraper.env')).toEqual([
      'AWS_REGION=eu-west-2',
      'LEAGUE_BASE_URL=https://bradfordcl.play-cricket.com',
      'HTML_QUEUE_URL=https://sqs.eu-west-2.amazonaws.com/1/html',
      'HTML_BUCKET=scorecards',
      'LOG_LEVEL=INFO',
      'NODE_OPTIONS=--enable-source-maps',
    ]);
  });

  it("writes the club's scraper settings for the supervisor, one flag or value per line", () => {
    const written = lines.find((l) => l.endsWith(`| base64 -d > ${SCRAPER_HOST_PATHS.settingsFile}`));
    const encoded = /^echo (\S+) \|/.exec(written ?? '')?.[1] ?? '';
    expect(Buffer.from(encoded, 'base64').toString()).toBe(
      '--allow-host\n*.example.com\n--debounce-ms\n25\n',
    );
  });

  it('runs the supervisor as an unprivileged service that restarts on failure and powers off when done', () => {
    const unit = hereDocument('/etc/systemd/system/live-scores-scraper.service');
    expect(unit).toEqual(
      expect.arrayContaining([
        'SuccessAction=poweroff',
        'User=scraper',
        'EnvironmentFile=/etc/live-scores/scraper.env',
        'ExecStart=/opt/live-scores/supervise-scraper.sh',
        'Restart=on-failure',
      ]),
    );
    expect(lines).toContain('systemctl enable --now live-scores-scraper.service');
  });

  it('holds nothing Terraform or cdktf would misread', () => {
    expect(script).not.toContain('${');
    expect(script).not.toContain('"');
  });
});
