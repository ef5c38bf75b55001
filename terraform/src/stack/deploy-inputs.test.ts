import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG } from '../testing/example-stack.ts';
import { functionConfigJson, stateBackend, terraformLiteral } from './deploy-settings.ts';
import { heartbeatWatchStart } from './schedules.ts';
import { scraperUserData } from './user-data.ts';

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

describe('scraperUserData', () => {
  const script = scraperUserData({
    region: 'eu-west-2',
    bundleBucket: 'artifacts',
    bundleKey: 'scraper/abc.zip',
    logGroupName: '/live-scores/cleckheaton/scraper',
    environment: { HTML_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/1/html' },
    configJson: '{"club":{"slug":"cleckheaton"}}',
  });

  it('fetches the bundle from S3 and runs it under systemd, restarting on failure', () => {
    expect(script).toContain(
      'aws s3 cp s3://artifacts/scraper/abc.zip /opt/live-scores/scraper.zip --region eu-west-2',
    );
    expect(script).toContain('Restart=on-failure');
    expect(script).toContain('systemctl enable --now live-scores-scraper.service');
    expect(script).toContain('HTML_QUEUE_URL=https://sqs.eu-west-2.amazonaws.com/1/html');
  });

  it('carries the config base64-encoded, and nothing Terraform or cdktf would misread', () => {
    expect(script).toContain(Buffer.from('{"club":{"slug":"cleckheaton"}}').toString('base64'));
    expect(script).not.toContain('${');
    expect(script).not.toContain('"');
  });
});
