import { existsSync } from 'node:fs';
import { consumersOf, PIPELINE } from '@live-scores/core';
import { describe, expect, it } from 'vitest';
import { COMMON_ENV, consumedQueue, FUNCTIONS } from './manifest.ts';

const functionNamed = (name: string) => FUNCTIONS.find((spec) => spec.name === name);

describe('the Lambda manifest', () => {
  it('has one function per pipeline consumer that runs on AWS, described as the pipeline describes it', () => {
    for (const name of consumersOf('aws')) {
      expect(functionNamed(name)?.description).toBe(PIPELINE[name].description);
    }
    expect(functionNamed('broadcast-batch')).toBeDefined();
  });

  it('bundles each function from the file named after it', () => {
    for (const spec of FUNCTIONS) {
      expect(spec.entry).toBe(`${spec.name}.ts`);
      expect(existsSync(new URL(spec.entry, import.meta.url)), spec.entry).toBe(true);
    }
  });

  it('grants each queue or stream consumer the consume of its own trigger, and gives each queue one consumer', () => {
    const queues = FUNCTIONS.flatMap((spec) => {
      const queue = consumedQueue(spec);
      return queue ? [queue] : [];
    });
    expect(new Set(queues).size).toBe(queues.length);
    for (const spec of FUNCTIONS) {
      const queue = consumedQueue(spec);
      if (queue) expect(spec.uses[0]).toEqual({ resource: queue, access: 'consume' });
    }
    expect(functionNamed('launch-scraper')?.uses[0]).toEqual({
      resource: 'fixturesStream',
      access: 'consume',
    });
  });

  it('routes the game-over consumers through the filtered topic subscription', () => {
    for (const name of ['update-cms', 'match-report', 'teardown-scraper']) {
      expect(functionNamed(name)?.trigger).toMatchObject({
        kind: 'topic',
        filterPolicy: { status: ['complete'] },
      });
    }
    expect(functionNamed('store-scorecard')?.trigger).toEqual({
      kind: 'topic',
      topic: 'scorecardTopic',
      queue: 'storeScorecardQueue',
      batchSize: 10,
      filterPolicy: undefined,
    });
  });

  it('derives the environment from what a function uses, plus the configuration where it reads one', () => {
    expect(functionNamed('send-push')?.env).toEqual([
      'SUBSCRIPTIONS_TABLE',
      'RULES_TABLE',
      'PUSH_QUEUE_URL',
      'VAPID_PUBLIC_KEY',
      'VAPID_PRIVATE_KEY_PARAMETER',
      'LIVE_SCORES_CONFIG_JSON',
    ]);
    expect(functionNamed('parse-scorecard')?.env).toEqual(['HTML_BUCKET', 'SCORECARD_TOPIC_ARN']);
    expect(functionNamed('ws-connect')?.env).toEqual(['CONNECTIONS_TABLE']);
    for (const spec of FUNCTIONS) for (const name of COMMON_ENV) expect(spec.env).not.toContain(name);
  });
});
