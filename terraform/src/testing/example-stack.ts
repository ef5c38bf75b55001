import { parseConfig } from '@live-scores/config';
import type { ConfigFile } from '@live-scores/schema';
import { Testing } from 'cdktf';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS } from '../manifest.ts';
import { LiveScoresStack } from '../stack/live-scores-stack.ts';

/** Values a developer might have in their shell; none may reach the synthesized JSON. */
export const TEST_SECRETS = {
  VAPID_PRIVATE_KEY: 'tEsT-vApId-PrIvAtE-kEy-3f9c2a7b1d',
  CMS_TOKEN: 'tEsT-cMs-ToKeN-8e41c0d5a6',
} as const;

/** A fixed club: two teams, the page on two origins, operator e-mail, spot off. */
export const EXAMPLE_CONFIG = parseConfig(
  {
    club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton' },
    league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
    teams: [
      { id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' },
      { id: 'secondTeam', label: '2nd XI', fixturesText: 'Cleckheaton CC - 2nd XI' },
    ],
    schedule: {
      timeZone: 'Europe/London',
      findFixtures: 'cron(0/30 11-15 ? 4-9 SAT,SUN *)',
      sweepScrapers: 'cron(0 21 ? 4-9 SAT,SUN *)',
    },
    push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
    server: { pageOrigins: ['https://scores.cleckheatoncc.example', 'https://www.cleckheatoncc.example'] },
    aws: { region: 'eu-west-2', operatorEmail: 'operator@cleckheatoncc.example' },
  },
  'example-config',
);

/** Terraform JSON as cdktf writes it: resource type → logical name → attributes. */
export interface TerraformJson {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  terraform: Record<string, unknown>;
  variable?: Record<string, unknown>;
  output?: Record<string, unknown>;
}

export interface SynthesizedExample {
  /** The raw JSON text, for searching. */
  text: string;
  json: TerraformJson;
  /** Every resource of one type, as [logical name, attributes]. */
  resources(type: string): [string, Record<string, unknown>][];
}

/** One-line placeholder bundles so the stack's assets have something to package. */
function fakeDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'live-scores-dist-'));
  for (const spec of FUNCTIONS) {
    mkdirSync(path.join(dist, 'functions', spec.name), { recursive: true });
    writeFileSync(
      path.join(dist, 'functions', spec.name, 'index.mjs'),
      `export const handler = () => '${spec.name}';\n`,
    );
  }
  mkdirSync(path.join(dist, 'scraper'), { recursive: true });
  writeFileSync(path.join(dist, 'scraper', 'index.mjs'), 'export {};\n');
  return dist;
}

/**
 * Synthesizes the stack for EXAMPLE_CONFIG, with TEST_SECRETS present in the environment
 * the way a developer's shell might have them, and returns the parsed Terraform JSON.
 */
export function synthesizeExample(
  options: { backend?: boolean; config?: ConfigFile } = {},
): SynthesizedExample {
  const dist = fakeDist();
  const saved = { ...process.env };
  Object.assign(process.env, TEST_SECRETS);
  try {
    const app = Testing.app();
    const stack = new LiveScoresStack(app, 'live-scores', {
      config: options.config ?? EXAMPLE_CONFIG,
      distDir: dist,
      webDir: fileURLToPath(new URL('../../../web/public/', import.meta.url)),
      ...(options.backend
        ? {
            backend: {
              bucket: 'cleckheaton-tf-state',
              key: 'live-scores/cleckheaton.tfstate',
              region: 'eu-west-2',
            },
          }
        : {}),
    });
    const text = Testing.synth(stack);
    const json = JSON.parse(text) as TerraformJson;
    return {
      text,
      json,
      resources: (type) => Object.entries(json.resource[type] ?? {}),
    };
  } finally {
    process.env = saved;
    rmSync(dist, { recursive: true, force: true });
  }
}
