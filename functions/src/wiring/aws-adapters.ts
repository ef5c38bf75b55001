import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import {
  createDynamoDbFixturesTable,
  dynamoDbClient,
  ec2Client,
  s3Client,
  snsClient,
  createEc2ScraperFleet,
  createS3ObjectReader,
  createS3OverHistoryStore,
  createS3ReportStore,
  createS3ScorecardStore,
  createSnsScorecardTopic,
} from '@live-scores/aws';
import { createSanityCms } from '@live-scores/cms-sanity';
import {
  lazy,
  lazyRetrying,
  type Cms,
  type FixturesTable,
  type OverHistoryStore,
  type ReportModel,
  type ReportStore,
  type ScorecardStore,
  type ScorecardTopic,
  type ScraperFleet,
} from '@live-scores/core';
import { createChatCompletionsModel } from '@live-scores/report-llm';
import { configFromEnv, requireEnv } from './environment.ts';

/**
 * The AWS adapters the handlers use, built on first use and kept for the life of the
 * execution environment. Tests replace the SDK clients with aws-sdk-client-mock, which
 * patches them globally. Each use is marked pure: a bundle drops the adapters its handler
 * never calls, and with them the environment variables only those adapters read.
 */
export const scorecardTopic = /* @__PURE__ */ lazy(
  (): ScorecardTopic =>
    createSnsScorecardTopic({
      client: snsClient(),
      topicArn: requireEnv('SCORECARD_TOPIC_ARN'),
    }),
);

export const scorecardStore = /* @__PURE__ */ lazy(
  (): ScorecardStore =>
    createS3ScorecardStore({
      client: s3Client(),
      bucket: requireEnv('SCORECARD_BUCKET'),
    }),
);

/** Match reports under `matches/<matchId>/report.json` in the scorecard bucket. */
export const reportStore = /* @__PURE__ */ lazy(
  (): ReportStore =>
    createS3ReportStore({
      client: s3Client(),
      bucket: requireEnv('SCORECARD_BUCKET'),
    }),
);

/** Each match's over history under `matches/<matchId>/overs.json` in the scorecard bucket. */
export const overHistoryStore = /* @__PURE__ */ lazy(
  (): OverHistoryStore =>
    createS3OverHistoryStore({
      client: s3Client(),
      bucket: requireEnv('SCORECARD_BUCKET'),
    }),
);

/** Reads pages the scraper stored in the bucket because they were too large for the queue. */
export const htmlObjectReader = /* @__PURE__ */ lazy(() => createS3ObjectReader(s3Client()));

export const fixturesTable = /* @__PURE__ */ lazy(
  (): FixturesTable =>
    createDynamoDbFixturesTable({
      client: dynamoDbClient(),
      tableName: requireEnv('FIXTURES_TABLE'),
    }),
);

/**
 * Lists and terminates the club's hosts; starts them only where the launch template is set
 * (launch-scraper). The template's user data tells the host where to send what it captures.
 */
export const scraperFleet = /* @__PURE__ */ lazy((): ScraperFleet => {
  const config = configFromEnv();
  const launchTemplateId = process.env.SCRAPER_LAUNCH_TEMPLATE_ID;
  return createEc2ScraperFleet({
    client: ec2Client(),
    clubSlug: config.club.slug,
    leagueBaseUrl: config.league.baseUrl,
    ...(launchTemplateId ? { launch: { launchTemplateId } } : {}),
  });
});

/**
 * The club's CMS, or undefined when the configuration has none (update-cms then does
 * nothing). A failed token read is not kept, so the next invocation tries again.
 */
export const cms = /* @__PURE__ */ lazyRetrying(buildCms);

async function buildCms(): Promise<Cms | undefined> {
  const sanity = configFromEnv().cms?.sanity;
  if (!sanity) return undefined;
  const token = await getParameter(requireEnv('CMS_TOKEN_PARAMETER'), { decrypt: true, maxAge: 300 });
  if (!token) throw new Error('the CMS token parameter is empty');
  return createSanityCms({ ...sanity, token });
}

/**
 * The configured report model, or undefined without `report.llm`. Its API key is read from
 * Parameter Store; a failed read is not kept, so the next invocation tries again.
 */
export const reportModel = /* @__PURE__ */ lazyRetrying(buildReportModel);

async function buildReportModel(): Promise<ReportModel | undefined> {
  const llm = configFromEnv().report.llm;
  if (!llm) return undefined;
  const apiKey = await getParameter(requireEnv('LLM_API_KEY_PARAMETER'), { decrypt: true, maxAge: 300 });
  return createChatCompletionsModel({ ...llm, apiKey: apiKey || undefined });
}

export const timeZone = (): string => configFromEnv().schedule.timeZone;
