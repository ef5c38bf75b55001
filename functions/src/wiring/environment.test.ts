import { describe, expect, it } from 'vitest';
import { TEST_CONFIG } from '../testing/events.ts';
import { configFromEnv, requireEnv } from './environment.ts';

describe('configFromEnv', () => {
  it('reads the configuration JSON from LIVE_SCORES_CONFIG_JSON', () => {
    const config = configFromEnv({ LIVE_SCORES_CONFIG_JSON: JSON.stringify(TEST_CONFIG) });
    expect(config.club.slug).toBe(TEST_CONFIG.club.slug);
  });

  it('does not take LIVE_SCORES_CONFIG, which names a config file for the local runtime', () => {
    expect(() => configFromEnv({ LIVE_SCORES_CONFIG: 'live-scores.config.json' })).toThrow(
      'environment variable LIVE_SCORES_CONFIG_JSON is not set',
    );
  });

  it('says in one line what is wrong with a bad configuration', () => {
    expect(() => configFromEnv({ LIVE_SCORES_CONFIG_JSON: '{' })).toThrow(
      'LIVE_SCORES_CONFIG_JSON: not valid JSON',
    );
    expect(() => configFromEnv({ LIVE_SCORES_CONFIG_JSON: '{}' })).toThrow(
      /^LIVE_SCORES_CONFIG_JSON: .*club/,
    );
  });
});

describe('requireEnv', () => {
  it('names the missing variable', () => {
    expect(() => requireEnv('FIXTURES_TABLE', {})).toThrow('environment variable FIXTURES_TABLE is not set');
  });
});
