import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import {
  createDynamoDbFixturesTable,
  createEc2ScraperFleet,
  createS3ObjectReader,
  createS3ReportStore,
  createS3ScorecardStore,
  createSnsScorecardTopic,
} from '@live-scores/aws';
import { createSanityCms } from '@live-scores/cms-sanity';
import type {
  Cms,
  FixturesTable,
  ReportModel,
  ReportStore,
  ScorecardStore,
  ScorecardTopic,
  ScraperFleet,
} from '@live-scores/core';
import { createChatCompletionsModel } from '@live-scores/report-llm';
import { configFromEnv, requireEnv } from './environment.ts';

/**
 * The AWS adapters the handlers use, built on first use and kept for the life of the
 * execution environment (SDK clients reuse their connections across invocations).
 * Tests replace the SDK clients with aws-sdk-client-mock, which patches them globally.
 * Each use is marked pure: a bundle drops the adapters its handler never calls, and with
 * them the environment variables only those adapters read.
 */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const region = (): string => process.env.AWS_REGION ?? 'eu-west-2';

export const scorecardTopic = /* @__PURE__ */ once(
  (): ScorecardTopic =>
    createSnsScorecardTopic({
      client: new SNSClient({ region: region() }),
      topicArn: requireEnv('SCORECARD_TOPIC_ARN'),
    }),
);

export const scorecardStore = /* @__PURE__ */ once(
  (): ScorecardStore =>
    createS3ScorecardStore({
      client: new S3Client({ region: region() }),
      bucket: requireEnv('SCORECARD_BUCKET'),
    }),
);

/** Match reports under `matches/<matchId>/report.json` in the scorecard bucket. */
export const reportStore = /* @__PURE__ */ once(
  (): ReportStore =>
    createS3ReportStore({
      client: new S3Client({ region: region() }),
      bucket: requireEnv('SCORECARD_BUCKET'),
    }),
);

/** Reads pages the scraper stored in the bucket because they were too large for the queue. */
export const htmlObjectReader = /* @__PURE__ */ once(() =>
  createS3ObjectReader(new S3Client({ region: region() })),
);

export const fixturesTable = /* @__PURE__ */ once(
  (): FixturesTable =>
    createDynamoDbFixturesTable({
      client: new DynamoDBClient({ region: region() }),
      tableName: requireEnv('FIXTURES_TABLE'),
    }),
);

/**
 * Lists and terminates the club's hosts; starts them only where the launch template is set
 * (launch-scraper). The template's user data tells the host where to send what it captures.
 */
export const scraperFleet = /* @__PURE__ */ once((): ScraperFleet => {
  const config = configFromEnv();
  const launchTemplateId = process.env.SCRAPER_LAUNCH_TEMPLATE_ID;
  return createEc2ScraperFleet({
    client: new EC2Client({ region: region() }),
    clubSlug: config.club.slug,
    leagueBaseUrl: config.league.baseUrl,
    ...(launchTemplateId ? { launch: { launchTemplateId } } : {}),
  });
});

let cmsClient: Promise<Cms | undefined> | undefined;

/**
 * The club's CMS, or undefined when the configuration has none (update-cms then does
 * nothing). A failed token read is not cached, so the next invocation tries again.
 */
export function cms(): Promise<Cms | undefined> {
  cmsClient ??= buildCms().catch((error: unknown) => {
    cmsClient = undefined;
    throw error;
  });
  return cmsClient;
}

async function buildCms(): Promise<Cms | undefined> {
  const sanity = configFromEnv().cms?.sanity;
  if (!sanity) return undefined;
  const token = await getParameter(requireEnv('CMS_TOKEN_PARAMETER'), { decrypt: true, maxAge: 300 });
  if (!token) throw new Error('the CMS token parameter is empty');
  return createSanityCms({ ...sanity, token });
}

let reportModelClient: Promise<ReportModel | undefined> | undefined;

/**
 * The configured report model, or undefined without `report.llm`. Its API key is read from
 * Parameter Store; a failed read is not cached, so the next invocation tries again.
 */
export function reportModel(): Promise<ReportModel | undefined> {
  reportModelClient ??= buildReportModel().catch((error: unknown) => {
    reportModelClient = undefined;
    throw error;
  });
  return reportModelClient;
}

async function buildReportModel(): Promise<ReportModel | undefined> {
  const llm = configFromEnv().report.llm;
  if (!llm) return undefined;
  const apiKey = await getParameter(requireEnv('LLM_API_KEY_PARAMETER'), { decrypt: true, maxAge: 300 });
  return createChatCompletionsModel({ ...llm, apiKey: apiKey || undefined });
}

export const timeZone = (): string => configFromEnv().schedule.timeZone;
