import { z } from 'zod';
import { CronError, parseCron } from './cron.ts';
import { TeamId } from './ids.ts';

/**
 * An EventBridge Scheduler cron expression, e.g. "cron(0/30 11-15 ? 4-9 SAT,SUN *)":
 * minutes hours day-of-month month day-of-week year. The local scheduler evaluates the
 * same expressions, so both runtimes follow one rule.
 */
export const CronExpression = z.string().superRefine((value, ctx) => {
  try {
    parseCron(value);
  } catch (error) {
    const why = error instanceof CronError ? ` (${error.message})` : '';
    ctx.addIssue({
      code: 'custom',
      message: `expected an EventBridge cron expression like "cron(0/30 11-15 ? 4-9 SAT,SUN *)"${why}`,
    });
  }
});

export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected an IANA time zone such as "Europe/London"' },
);

/**
 * A push-service host, or host:port; an entry allows exactly that host and port
 * ("*.example.com" allows its subdomains, as Windows' push service needs).
 */
export const AllowedPushHost = z
  .string()
  .regex(
    /^(\[[0-9a-fA-F:]+\]|(\*\.)?[A-Za-z0-9.-]+)(:\d{1,5})?$/,
    'expected a host or host:port, e.g. "fcm.googleapis.com"',
  );

/** The public push services of Chrome/Android, Firefox, Edge/Windows and Safari/Apple. */
export const DEFAULT_PUSH_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.notify.windows.com',
  'web.push.apple.com',
] as const;

/**
 * Push services refuse a VAPID contact they cannot reach: Apple answers 403 BadJwtToken to
 * `mailto:` at localhost or a reserved example domain, and to `https://localhost`.
 */
const RESERVED_MAIL_HOST =
  /(^|\.)(localhost|example|invalid|test|local)$|^(.+\.)?example\.(com|net|org)$|^\[?[\d.:]+\]?$/i;
const LOCAL_WEB_HOST = /(^|\.)localhost$|^127\.|^\[::1\]$/i;

function acceptedContact(subject: string): boolean {
  if (subject.startsWith('mailto:'))
    return !RESERVED_MAIL_HOST.test(subject.slice(subject.lastIndexOf('@') + 1).replace(/\.$/, ''));
  return URL.canParse(subject) && !LOCAL_WEB_HOST.test(new URL(subject).hostname.replace(/\.$/, ''));
}

export const VapidSubject = z
  .string()
  .regex(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/, {
    error: 'expected "mailto:you@club.org" or an https URL',
    abort: true,
  })
  .refine(acceptedContact, {
    error:
      'expected a contact the push services accept: not localhost or a reserved example domain (Apple answers 403 BadJwtToken)',
  });

/** A host a watched page may load: "cdn.example.com" or "*.example.com". */
export const AllowedPageHost = z
  .string()
  .regex(
    /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/,
    'expected a host name such as "cdn.example.com" or "*.example.com"',
  );

/**
 * Quiet time that ends a burst of DOM changes. A ball's updates land within a few
 * milliseconds of each other; every millisecond beyond that is latency for every ball.
 */
export const DEFAULT_SCRAPER_DEBOUNCE_MS = 20;

const DEBOUNCE_RANGE = 'expected whole milliseconds from 0 to 5000';
/** The scraper's debounce, as the config file and the scrape command's `--debounce-ms` take it. */
export const DebounceMs = z
  .number({ error: DEBOUNCE_RANGE })
  .int({ error: DEBOUNCE_RANGE })
  .min(0, { error: DEBOUNCE_RANGE })
  .max(5000, { error: DEBOUNCE_RANGE });

/** What a Play-Cricket match page loads for its live scorecard: the site, its CDN and scripts. */
export const DEFAULT_SCRAPER_HOSTS = [
  '*.play-cricket.com',
  '*.ecb.co.uk',
  '*.pusher.com',
  '*.pusherapp.com',
  'cdnjs.cloudflare.com',
  'code.jquery.com',
  'ajax.googleapis.com',
  'cdn.jsdelivr.net',
] as const;

/** Limits that keep one client, or a crowd, from exhausting the live socket server. */
export const LiveSocketLimits = z.object({
  /** Open `/live` sockets in all; one more is answered 503 at upgrade. */
  maxConnections: z.number().int().min(1).default(20_000),
  /** Open sockets from one client address (a club house's wifi shares one). */
  maxConnectionsPerClient: z.number().int().min(1).default(200),
  /** Frames a client may send a minute (the page sends a sync and a ping now and then). */
  messagesPerMinute: z.number().int().min(1).default(120),
  /** A client this far behind (KiB queued for it) is disconnected rather than buffered. */
  maxBufferedKiB: z.number().int().min(64).default(4096),
});
export type LiveSocketLimits = z.infer<typeof LiveSocketLimits>;

/** Caps on what the subscriptions API stores. */
export const SubscriptionLimits = z.object({
  /** Stored subscriptions; a new one beyond this is answered 503. */
  max: z.number().int().min(1).default(100_000),
  /** New subscriptions one client address may create in a burst, and per hour after it. */
  createBurst: z.number().int().min(1).default(20),
  createPerHour: z.number().int().min(1).default(120),
});
export type SubscriptionLimits = z.infer<typeof SubscriptionLimits>;

export const TeamConfig = z.object({
  id: TeamId,
  /** How the team is named in titles and on the page, e.g. "1st XI". */
  label: z.string().min(1).max(40),
  /** The team exactly as the fixtures page shows it, e.g. "Cleckheaton CC - 1st XI". */
  fixturesText: z.string().min(1),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export const NotificationRules = z.object({
  /** A score update every N overs of each innings; 0 turns them off. */
  oversInterval: z.number().int().min(0).max(50).default(10),
  wickets: z.boolean().default(true),
  battingMilestones: z.array(z.number().int().positive()).default([50, 100, 150, 200]),
  bowlingMilestones: z.array(z.number().int().positive().max(10)).default([5, 10]),
  inningsEnd: z.boolean().default(true),
  result: z.boolean().default(true),
  /** Match-state alerts: the first ball of the match is bowled. */
  playStarted: z.boolean().default(true),
  /** The first innings is over: the score and the target ("Scholes need 187 to win"). */
  inningsBreak: z.boolean().default(true),
  /** The match is abandoned or cancelled (told instead of a result). */
  abandoned: z.boolean().default(true),
  /**
   * A match's events within this many seconds of the first go to each supporter as one push
   * (a result or abandonment goes at once, with what waited); 0 sends one push per event.
   * At most 900: the push queue (SQS) delays a message by 15 minutes at most.
   */
  digestSeconds: z.number().int().min(0).max(900).default(90),
});
export type NotificationRules = z.infer<typeof NotificationRules>;

export const ConfigFile = z
  .object({
    $schema: z.string().optional(),
    club: z.object({
      /** As the league writes it, e.g. "Cleckheaton CC". */
      name: z.string().min(1),
      /** Used in titles and on the page, e.g. "Cleckheaton". */
      shortName: z.string().min(1).max(30).optional(),
      /** Tag value for the club's scraper hosts and resources: letters, digits, "-". */
      slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'expected a lower-case slug like "cleckheaton"'),
    }),
    league: z.object({
      /** e.g. "https://bradfordcl.play-cricket.com"; match pages are base URL + "/website/results/<id>". */
      baseUrl: z.url({
        protocol: /^https?$/,
        error: 'expected the league site URL, e.g. "https://x.play-cricket.com"',
      }),
      /** The day's-matches page, absolute or relative to baseUrl. */
      fixturesPath: z.string().min(1),
    }),
    teams: z
      .array(TeamConfig)
      .min(1, 'expected at least one team')
      .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, { error: 'expected unique team ids' }),
    schedule: z
      .object({
        timeZone: TimeZone.default('Europe/London'),
        /** When to look for the day's fixtures (match days, in season). */
        findFixtures: CronExpression.default('cron(0/30 11-15 ? 4-9 SAT,SUN *)'),
        /** When to terminate any scraper host still running. */
        sweepScrapers: CronExpression.default('cron(0 21 ? 4-9 SAT,SUN *)'),
      })
      .prefault({}),
    notifications: NotificationRules.prefault({}),
    push: z.object({
      /** VAPID subject: a mailto: or https: contact for the push services. */
      vapidSubject: VapidSubject,
      allowedHosts: z.array(AllowedPushHost).default([...DEFAULT_PUSH_HOSTS]),
      /** Seconds a push service keeps an undelivered message. */
      ttlSeconds: z
        .object({
          score: z.number().int().min(0).max(86_400).default(1800),
          result: z.number().int().min(0).max(2_419_200).default(86_400),
        })
        .prefault({}),
    }),
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(8080),
        dataDir: z.string().min(1).default('./data'),
        /** Origins allowed to call the APIs (CORS), e.g. the club website embedding the scoreboard. */
        pageOrigins: z.array(z.url()).default([]),
        /** The public URL of the supporters' page; notifications link here. */
        publicUrl: z.url().optional(),
        /**
         * How many reverse proxies stand in front of this server. 0 (the default): the peer
         * address is the client and `X-Forwarded-For` is ignored; N: the N-th address from the
         * right of `X-Forwarded-For` is the client (the right-most one no proxy of ours added).
         */
        trustProxy: z.number().int().min(0).max(10).default(0),
        live: LiveSocketLimits.prefault({}),
        subscriptions: SubscriptionLimits.prefault({}),
      })
      .prefault({}),
    scraper: z
      .object({
        safetyPollSeconds: z.number().int().min(5).max(600).default(60),
        reloadMinutes: z.number().int().min(1).max(240).default(30),
        /** Backoff while waiting for scoring to start: first and longest wait. */
        tabPollSeconds: z
          .object({ min: z.number().int().min(1).default(60), max: z.number().int().min(1).default(600) })
          .prefault({}),
        /** Coalescing window for a burst of DOM mutations (one ball = one message). */
        debounceMs: DebounceMs.default(DEFAULT_SCRAPER_DEBOUNCE_MS),
        /**
         * Hosts a watched page may load besides the league site itself ("*.example.com" allows
         * its subdomains). Everything else is blocked, and so are loopback, private and
         * link-local addresses whatever this list says.
         */
        allowedHosts: z.array(AllowedPageHost).default([...DEFAULT_SCRAPER_HOSTS]),
      })
      .prefault({}),
    cms: z
      .object({
        sanity: z.object({
          projectId: z.string().regex(/^[a-z0-9-]+$/, 'expected a Sanity project id'),
          dataset: z.string().min(1).default('production'),
          apiVersion: z
            .string()
            .regex(/^v\d{4}-\d{2}-\d{2}$/, 'expected an API version like "v2025-02-19"')
            .default('v2025-02-19'),
          /** The fixture document type and its fields. */
          fixtureType: z.string().min(1).default('fixture'),
          /** Override for tests and proxies; defaults to https://<projectId>.api.sanity.io. */
          apiHost: z.url().optional(),
          /** The fixture field the match report (`{ title, body }`) is written to, beside the result. */
          reportField: z
            .string()
            .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'expected a Sanity field name like "matchReport"')
            .default('matchReport'),
        }),
      })
      .optional(),
    report: z
      .object({
        /**
         * An OpenAI-compatible chat-completions server (OpenAI, llama.cpp, Ollama) that rewrites
         * the report's facts; without it the deterministic text is used. The API key comes from
         * `LIVE_SCORES_LLM_API_KEY` locally and from Parameter Store on AWS, never from this file.
         */
        llm: z
          .object({
            /** e.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434/v1"; `/chat/completions` is appended. */
            baseUrl: z.url({ protocol: /^https?$/, error: 'expected the http(s) base URL of the API' }),
            model: z.string().min(1),
            timeoutSeconds: z.number().positive().max(60).default(20),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    aws: z
      .object({
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region like "eu-west-2"'),
        operatorEmail: z.email(),
        scraperInstanceType: z.string().default('t4g.small'),
        spot: z.boolean().default(false),
        stateBucket: z.string().optional(),
        /** The supporters' address instead of the CloudFront one, e.g. `scores.club.org`. */
        domainName: z
          .string()
          .regex(
            /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
            'expected a host name like "scores.club.org"',
          )
          .optional(),
        /** The ACM certificate for `domainName`; CloudFront only uses certificates in us-east-1. */
        certificateArn: z
          .string()
          .regex(
            /^arn:aws:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/,
            'expected an ACM certificate ARN in us-east-1 (arn:aws:acm:us-east-1:…:certificate/…)',
          )
          .optional(),
      })
      .refine((aws) => !aws.domainName === !aws.certificateArn, {
        message: 'domainName and certificateArn go together: set both or neither',
        path: ['certificateArn'],
      })
      .optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFile>;
export type ConfigFileInput = z.input<typeof ConfigFile>;
