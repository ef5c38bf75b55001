import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import type { ConfigFile } from '@live-scores/schema';
import { scraperSettingsArgs } from '@live-scores/scraper/settings-args';
import { S3Backend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import path from 'node:path';
import { consumedQueue, type EnvName, FUNCTIONS, type FunctionSpec } from '../manifest.ts';
import type { AccessTargets } from './access.ts';
import { Alarms } from './alarms.ts';
import { ApiGatewayLogging, LIVE_STAGE, LiveWebSocketApi, PageHttpApi } from './apis.ts';
import {
  deployedPageConfig,
  functionConfigJson,
  requireAwsSettings,
  type StateBackend,
  terraformLiteral,
} from './deploy-settings.ts';
import { Functions } from './functions.ts';
import { Messaging, type QueueSpec } from './messaging.ts';
import { ResourceNames } from './names.ts';
import { Schedules, type SchedulesProps } from './schedules.ts';
import { ScraperHost } from './scraper-host.ts';
import { SeasonSwitch, seasonSwitchTimes } from './season-switch.ts';
import { SecretParameters } from './secrets.ts';
import { Site } from './site.ts';
import { Storage } from './storage.ts';

export interface LiveScoresStackProps {
  config: ConfigFile;
  /** `dist`: holds `functions/<name>/index.mjs` and `scraper/index.mjs` from `npm run build`. */
  distDir: string;
  /** `web/public`: the supporters' page as built. */
  webDir: string;
  backend?: StateBackend;
  specs?: readonly FunctionSpec[];
}

/** AWS's advice for SQS event sources: visibility at least six times the function timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;

/** One queue per consuming function, subscribed to the topic when the trigger says so. */
function queueSpecs(specs: readonly FunctionSpec[]): QueueSpec[] {
  return specs.flatMap((spec): QueueSpec[] => {
    const queue = consumedQueue(spec);
    if (!queue) return [];
    const t = spec.trigger;
    return [
      {
        name: queue,
        visibilityTimeoutSeconds: spec.timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR,
        ...(t.kind === 'topic'
          ? { subscription: t.filterPolicy ? { filterPolicy: t.filterPolicy } : {} }
          : {}),
      },
    ];
  });
}

/** The whole system in one account and region, derived from the config and the manifest. */
export class LiveScoresStack extends TerraformStack {
  readonly functions: Functions;

  constructor(scope: Construct, id: string, props: LiveScoresStackProps) {
    super(scope, id);
    const { config } = props;
    const aws = requireAwsSettings(config);
    const specs = props.specs ?? FUNCTIONS;
    const names = new ResourceNames(config.club.slug);
    const configJson = functionConfigJson(config);

    new AwsProvider(this, 'aws', {
      region: aws.region,
      defaultTags: [{ tags: { Application: 'live-scores', Club: config.club.slug } }],
    });
    if (props.backend) {
      new S3Backend(this, {
        bucket: props.backend.bucket,
        key: props.backend.key,
        region: props.backend.region,
        encrypt: true,
      });
      // S3-native state locking (Terraform ≥ 1.10): no DynamoDB lock table to pay for.
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }
    const account = new DataAwsCallerIdentity(this, 'account');

    const vapidPublicKey = new TerraformVariable(this, 'vapid_public_key', {
      type: 'string',
      description: 'The VAPID public key (`npx live-scores vapid`); its private half goes to Parameter Store',
    });

    const chromiumPackSha256 = new TerraformVariable(this, 'chromium_arm64_pack_sha256', {
      type: 'string',
      description:
        'SHA-256 (hex) of the arm64 Chromium pack the scraper host downloads; the host refuses any other file',
      validation: [
        {
          condition: '${can(regex("^[0-9a-f]{64}$", var.chromium_arm64_pack_sha256))}',
          errorMessage: 'chromium_arm64_pack_sha256 must be 64 lower-case hex digits (sha256sum output).',
        },
      ],
    });

    const messaging = new Messaging(this, 'messaging', { names, queues: queueSpecs(specs) });
    const storage = new Storage(this, 'storage', { names });
    const fixturesTable = this.required(storage.tables, 'fixturesTable');
    const htmlQueue = this.required(messaging.queues, 'htmlQueue');

    const scraperHost = new ScraperHost(this, 'scraper-host', {
      names,
      region: aws.region,
      instanceType: aws.scraperInstanceType,
      spot: aws.spot,
      bundleDir: path.join(props.distDir, 'scraper'),
      artifactsBucket: storage.artifactsBucket,
      htmlQueue,
      scorecardBucket: storage.scorecardBucket,
      leagueBaseUrl: terraformLiteral(config.league.baseUrl),
      chromiumPackSha256: chromiumPackSha256.stringValue,
      scraperSettings: scraperSettingsArgs(config.scraper),
    });
    const liveApi = new LiveWebSocketApi(this, 'live-api', { names, region: aws.region });
    new ApiGatewayLogging(this, 'api-logging', { names, region: aws.region, accountId: account.accountId });
    const httpApi = new PageHttpApi(this, 'subscriptions-api', {
      names,
      region: aws.region,
      pageOrigins: config.server.pageOrigins,
    });
    const site = new Site(this, 'site', {
      names,
      webDir: props.webDir,
      pageConfigJson: deployedPageConfig(config, vapidPublicKey.stringValue),
      scorecardBucket: storage.scorecardBucket,
      httpApiDomain: httpApi.domainName,
      liveApiDomain: liveApi.domainName,
      livePath: `/${LIVE_STAGE}`,
      pageOrigins: config.server.pageOrigins,
      ...(aws.domainName && aws.certificateArn
        ? { customDomain: { domainName: aws.domainName, certificateArn: aws.certificateArn } }
        : {}),
    });

    const secrets = new SecretParameters({
      clubSlug: config.club.slug,
      region: aws.region,
      accountId: account.accountId,
    });
    const access: AccessTargets = {
      region: aws.region,
      accountId: account.accountId,
      clubSlug: config.club.slug,
      queueArn: (name) => this.required(messaging.queues, name).arn,
      scorecardTopicArn: messaging.scorecardTopic.arn,
      scorecardBucketArn: storage.scorecardBucket.arn,
      tableArn: (name) => this.required(storage.tables, name).arn,
      fixturesStreamArn: fixturesTable.streamArn,
      fixturesStreamFailuresArn: messaging.fixturesStreamFailures.arn,
      parameterArn: (name) => secrets.arn(name),
      liveConnectionsArn: liveApi.connectionsArn,
      launchTemplateArn: scraperHost.launchTemplate.arn,
      scraperSecurityGroupArn: scraperHost.securityGroup.arn,
      scraperInstanceRoleArn: scraperHost.instanceRole.arn,
    };

    const optionalQueueUrl = (name: 'pushQueue' | 'broadcastBatchQueue') =>
      messaging.queues.get(name)?.url ?? '';
    const environment: Record<EnvName, string> = {
      HTML_QUEUE_URL: htmlQueue.url,
      HTML_BUCKET: storage.scorecardBucket.bucket,
      SCORECARD_TOPIC_ARN: messaging.scorecardTopic.arn,
      SCORECARD_BUCKET: storage.scorecardBucket.bucket,
      FIXTURES_TABLE: fixturesTable.name,
      CONNECTIONS_TABLE: this.required(storage.tables, 'connectionsTable').name,
      SUBSCRIPTIONS_TABLE: this.required(storage.tables, 'subscriptionsTable').name,
      RULES_TABLE: this.required(storage.tables, 'rulesTable').name,
      PUSH_QUEUE_URL: optionalQueueUrl('pushQueue'),
      BROADCAST_QUEUE_URL: optionalQueueUrl('broadcastBatchQueue'),
      WS_MANAGEMENT_ENDPOINT: liveApi.managementEndpoint,
      VAPID_PUBLIC_KEY: vapidPublicKey.stringValue,
      VAPID_PRIVATE_KEY_PARAMETER: secrets.name('vapidPrivateKey'),
      CMS_TOKEN_PARAMETER: secrets.name('cmsToken'),
      LLM_API_KEY_PARAMETER: secrets.name('llmApiKey'),
      LIVE_SCORES_CONFIG_JSON: terraformLiteral(configJson),
      SCRAPER_LAUNCH_TEMPLATE_ID: scraperHost.launchTemplate.id,
      CLUB_SLUG: config.club.slug,
      POWERTOOLS_SERVICE_NAME: 'live-scores',
      LOG_LEVEL: 'INFO',
    };

    this.functions = new Functions(this, 'functions', {
      names,
      specs,
      bundlesDir: path.join(props.distDir, 'functions'),
      artifactsBucket: storage.artifactsBucket,
      environment,
      access,
      queues: messaging.queues,
      fixturesStreamArn: fixturesTable.streamArn,
      fixturesStreamFailuresArn: messaging.fixturesStreamFailures.arn,
    });

    const scheduled: SchedulesProps['targets'][number][] = [];
    for (const { spec, fn } of this.functions.deployed.values()) {
      const t = spec.trigger;
      if (t.kind === 'websocket') liveApi.route(t.route, fn);
      if (t.kind === 'http') httpApi.routes(spec.name, t.routes, fn);
      if (t.kind === 'schedule') scheduled.push({ schedule: t.schedule, fn });
    }

    const alarms = new Alarms(this, 'alarms', {
      names,
      operatorEmail: aws.operatorEmail,
      deadLetterQueues: messaging.deadLetterQueues,
      functions: this.functions.deployed.values(),
      scraperLogGroup: scraperHost.logGroup,
    });
    new Schedules(this, 'schedules', {
      names,
      accountId: account.accountId,
      schedule: config.schedule,
      targets: scheduled,
      heartbeatAlarm: alarms.scraperHeartbeat,
    });

    const seasonTimes = seasonSwitchTimes(config.schedule);
    if (seasonTimes) {
      new SeasonSwitch(this, 'season-switch', {
        names,
        accountId: account.accountId,
        timeZone: config.schedule.timeZone,
        times: seasonTimes,
        mappings: new Map(
          [...this.functions.deployed.values()].flatMap(({ spec, queueMapping }) =>
            queueMapping ? [[spec.name, queueMapping] as const] : [],
          ),
        ),
      });
    }

    new TerraformOutput(this, 'page_url', {
      value: site.pageUrl,
      description: "The supporters' page: the page, its API and its live socket on one origin",
    });
    new TerraformOutput(this, 'distribution_domain', {
      value: site.distribution.domainName,
      description: 'Where a custom domain (aws.domainName) must point: a CNAME, or a Route 53 alias',
    });
    new TerraformOutput(this, 'live_websocket_url', {
      value: `${liveApi.api.apiEndpoint}/${liveApi.stage.name}`,
      description: "The WebSocket API itself (the page reaches it through page_url's /live)",
    });
    new TerraformOutput(this, 'subscriptions_api_url', {
      value: httpApi.api.apiEndpoint,
      description: "The HTTP API itself (the page reaches it through page_url's /api/…)",
    });
    new TerraformOutput(this, 'scorecards_url', {
      value: `https://${site.distribution.domainName}`,
      description: 'Base URL of scorecards/<date>/<teamId>.json and matches/<matchId>.json',
    });
  }

  private required<K, V>(map: ReadonlyMap<K, V>, key: K): V {
    const value = map.get(key);
    if (value === undefined)
      throw new Error(`the stack needs "${String(key)}", which the manifest does not define`);
    return value;
  }
}
