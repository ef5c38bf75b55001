/**
 * The cdktf app (`cdktf synth` runs it; `npm run synth` too). Reads the club's config file
 * (`--config`/`LIVE_SCORES_CONFIG_FILE`, else `live-scores.config.json` at the repo root),
 * and the optional S3 state backend from TF_STATE_BUCKET / TF_STATE_KEY / TF_STATE_REGION
 * or the config's `aws.stateBucket`.
 */
import { loadConfigFile } from '@live-scores/config';
import { App } from 'cdktf';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateBackend } from './stack/deploy-settings.ts';
import { LiveScoresStack } from './stack/live-scores-stack.ts';

const terraformDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--config');
const configFile =
  (flag >= 0 ? process.argv[flag + 1] : undefined) ??
  process.env.LIVE_SCORES_CONFIG_FILE ??
  path.join(terraformDir, '..', 'live-scores.config.json');

try {
  const config = await loadConfigFile(path.resolve(configFile));
  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? path.join(terraformDir, 'cdktf.out') });
  const backend = stateBackend(config, process.env);
  new LiveScoresStack(app, 'live-scores', {
    config,
    distDir: path.join(terraformDir, 'dist'),
    webDir: path.join(terraformDir, '..', 'web', 'public'),
    ...(backend ? { backend } : {}),
  });
  app.synth();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
