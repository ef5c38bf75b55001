/**
 * The one list of Lambda functions: what each handler is, how it is triggered, what it
 * reads from its environment and what it may touch. The pipeline's consumers come from the
 * pipeline table in core (name, description, what feeds them); each entry here adds the AWS
 * settings. The build bundles from it and the cdktf stack derives every function, queue
 * subscription, event source mapping, route, schedule and IAM statement from it, so a handler
 * cannot get a permission that is not written here. Pure data: no AWS SDK and no cdktf import.
 */
import {
  httpApiRouteKey,
  MATCH_OVERS_PATH,
  MATCH_REPORT_PATH,
  SCORECARDS_PATH,
  SUBSCRIPTIONS_PATH,
  TEAM_SCORECARD_PATH,
  VAPID_KEY_PATH,
} from '@live-scores/core';
import { defineFunction, pipelineConsumer } from './manifest/define-function.ts';
import type { FunctionSpec, QueueName } from './manifest/function-spec.ts';

export * from './manifest/function-spec.ts';
/** Processing of one SQS batch with partial failures; scorecard consumers are light. */
const scorecardConsumer = { memoryMb: 512, timeoutSeconds: 30 } as const;
/** The page's API and WebSocket routes: small, quick, and bounded against floods. */
const edge = { memoryMb: 256, timeoutSeconds: 10 } as const;

export const FUNCTIONS: readonly FunctionSpec[] = [
  defineFunction({
    name: 'find-fixtures',
    description: "Reads the league's fixtures page (rendered in Chromium) and records the club's matches",
    memoryMb: 2048,
    timeoutSeconds: 120,
    architecture: 'x86_64',
    chromium: true,
    trigger: { kind: 'schedule', schedule: 'findFixtures' },
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('launch-scraper', { batchSize: 10 }),
    memoryMb: 256,
    timeoutSeconds: 60,
    // Where the host sends what it captures is in the launch template's user data, not here.
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'launch' },
      { resource: 'scraperHosts', access: 'tag' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('parse-scorecard', { batchSize: 10 }),
    memoryMb: 1024,
    timeoutSeconds: 30,
    readsConfig: false,
    uses: [
      { resource: 'scorecardTopic', access: 'publish' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'html/' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('store-scorecard', { batchSize: 10 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('record-overs', { batchSize: 5 }),
    // Its records run one after the other, each sending to every live page.
    memoryMb: 512,
    timeoutSeconds: 60,
    uses: [
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
      { resource: 'connectionsTable', access: 'scan' },
      { resource: 'connectionsTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
      { resource: 'broadcastBatchQueue', access: 'send' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('broadcast', { batchSize: 5 }),
    memoryMb: 512,
    timeoutSeconds: 60,
    uses: [
      { resource: 'connectionsTable', access: 'scan' },
      { resource: 'connectionsTable', access: 'write' },
      // The broadcast watermark: one conditional UpdateItem, which needs no read permission.
      { resource: 'rulesTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
      { resource: 'broadcastBatchQueue', access: 'send' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('broadcast-batch', { batchSize: 1 }),
    memoryMb: 512,
    timeoutSeconds: 60,
    readsConfig: false,
    uses: [
      { resource: 'connectionsTable', access: 'write' },
      { resource: 'liveConnections', access: 'post' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('notify-rules', { batchSize: 10 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'rulesTable', access: 'read' },
      { resource: 'rulesTable', access: 'write' },
      { resource: 'pushQueue', access: 'send' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('update-cms', { batchSize: 1 }),
    ...scorecardConsumer,
    uses: [{ resource: 'cmsToken', access: 'read' }],
  }),
  defineFunction({
    ...pipelineConsumer('match-report', { batchSize: 1 }),
    ...scorecardConsumer,
    // A model's answer can take its whole configured timeout (at most 60 s).
    timeoutSeconds: 90,
    uses: [
      { resource: 'scorecardBucket', access: 'read', prefix: 'matches/' },
      { resource: 'scorecardBucket', access: 'write', prefix: 'matches/' },
      { resource: 'cmsToken', access: 'read' },
      { resource: 'llmApiKey', access: 'read' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('teardown-scraper', { batchSize: 1 }),
    ...scorecardConsumer,
    uses: [
      { resource: 'fixturesTable', access: 'read' },
      { resource: 'fixturesTable', access: 'write' },
      { resource: 'scraperHosts', access: 'terminate' },
      { resource: 'scraperHosts', access: 'describe' },
    ],
  }),
  defineFunction({
    ...pipelineConsumer('send-push', { batchSize: 5 }),
    memoryMb: 1024,
    timeoutSeconds: 120,
    uses: [
      { resource: 'pushQueue', access: 'send' },
      { resource: 'subscriptionsTable', access: 'scan' },
      { resource: 'subscriptionsTable', access: 'write' },
      // Idempotency records: conditional UpdateItem (returning the record it lost to), PutItem
      // and DeleteItem; digest windows: conditional UpdateItem after a consistent GetItem.
      { resource: 'rulesTable', access: 'read' },
      { resource: 'rulesTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  }),
  defineFunction({
    name: 'ws-connect',
    description: "Records a live page's WebSocket connection",
    ...edge,
    reservedConcurrency: 20,
    readsConfig: false,
    trigger: { kind: 'websocket', route: '$connect' },
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  }),
  defineFunction({
    name: 'ws-disconnect',
    description: "Forgets a live page's WebSocket connection",
    ...edge,
    reservedConcurrency: 20,
    readsConfig: false,
    trigger: { kind: 'websocket', route: '$disconnect' },
    uses: [{ resource: 'connectionsTable', access: 'write' }],
  }),
  defineFunction({
    name: 'ws-sync',
    description: "Replies to a page's sync request with today's scorecards",
    ...edge,
    reservedConcurrency: 20,
    trigger: { kind: 'websocket', route: 'sync' },
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
      { resource: 'liveConnections', access: 'post' },
    ],
  }),
  defineFunction({
    name: 'scorecards-api',
    description: "Answers the page's today's-scorecards routes from the scorecard bucket",
    ...edge,
    // CloudFront answers repeats for a few seconds; this bounds what a flood past it costs.
    reservedConcurrency: 10,
    trigger: {
      kind: 'http',
      routes: [httpApiRouteKey('GET', SCORECARDS_PATH), httpApiRouteKey('GET', TEAM_SCORECARD_PATH)],
    },
    uses: [
      { resource: 'scorecardBucket', access: 'list', prefix: 'scorecards/' },
      { resource: 'scorecardBucket', access: 'read', prefix: 'scorecards/' },
    ],
  }),
  defineFunction({
    name: 'subscriptions-api',
    description: 'Creates, updates and deletes push subscriptions; serves the VAPID public key',
    ...edge,
    reservedConcurrency: 10,
    trigger: {
      kind: 'http',
      routes: [
        httpApiRouteKey('POST', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('PUT', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('DELETE', SUBSCRIPTIONS_PATH),
        httpApiRouteKey('GET', VAPID_KEY_PATH),
      ],
    },
    uses: [
      { resource: 'subscriptionsTable', access: 'read' },
      { resource: 'subscriptionsTable', access: 'write' },
      { resource: 'vapidPrivateKey', access: 'read' },
    ],
  }),
  defineFunction({
    name: 'report-api',
    description: "Serves a finished match's report",
    ...edge,
    // Reachable from the internet: this bounds what a flood of report requests costs.
    reservedConcurrency: 10,
    trigger: { kind: 'http', routes: [httpApiRouteKey('GET', MATCH_REPORT_PATH)] },
    uses: [{ resource: 'scorecardBucket', access: 'read', prefix: 'matches/' }],
  }),
  defineFunction({
    name: 'overs-api',
    description: "Serves a match's over history from the scorecard bucket",
    ...edge,
    // CloudFront answers repeats for a few seconds; this bounds what a flood past it costs.
    reservedConcurrency: 10,
    trigger: { kind: 'http', routes: [httpApiRouteKey('GET', MATCH_OVERS_PATH)] },
    uses: [{ resource: 'scorecardBucket', access: 'read', prefix: 'matches/' }],
  }),
  defineFunction({
    name: 'sweep-scrapers',
    description: 'Terminates every scraper host still tagged for the club (evening sweep)',
    memoryMb: 256,
    timeoutSeconds: 60,
    trigger: { kind: 'schedule', schedule: 'sweepScrapers' },
    uses: [
      { resource: 'scraperHosts', access: 'describe' },
      { resource: 'scraperHosts', access: 'terminate' },
    ],
  }),
];

/** The queue a function consumes, if its trigger is one (each queue has exactly one consumer). */
export function consumedQueue(spec: FunctionSpec): QueueName | undefined {
  const t = spec.trigger;
  return t.kind === 'queue' || t.kind === 'topic' ? t.queue : undefined;
}
