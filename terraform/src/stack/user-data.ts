/**
 * The scraper host's boot script (cloud-init user data). It installs Node 22, Chromium's
 * shared libraries and the CloudWatch agent, fetches the scraper bundle from S3, and runs
 * it as an unprivileged systemd service that restarts on failure. Nothing in it is secret:
 * the host reads no secret at all.
 */

/** Sparticuz publishes an arm64 Chromium pack per release; the npm package ships only x86_64. */
export const CHROMIUM_ARM64_PACK_URL =
  'https://github.com/Sparticuz/chromium/releases/download/v143.0.4/chromium-v143.0.4-pack.arm64.tar';

/** Hours after which a host shuts itself down (and so terminates) even if no sweep ran. */
export const MAX_HOST_HOURS = 12;

export const SCRAPER_LOG_FILE = '/var/log/live-scores/scraper.log';

export interface UserDataProps {
  region: string;
  bundleBucket: string;
  bundleKey: string;
  logGroupName: string;
  /** Environment for the scraper service, e.g. HTML_QUEUE_URL. */
  environment: Record<string, string>;
  /** The validated configuration JSON (`LIVE_SCORES_CONFIG`). */
  configJson: string;
}

const CHROMIUM_LIBRARIES = [
  'nss',
  'atk',
  'at-spi2-atk',
  'cups-libs',
  'libdrm',
  'libxkbcommon',
  'libXcomposite',
  'libXdamage',
  'libXrandr',
  'mesa-libgbm',
  'pango',
  'alsa-lib',
];

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

/**
 * The script writes shell variables as `$NAME`, never `${NAME}` (Terraform would read it as
 * its own interpolation), and holds no double quote (cdktf rejects them inside a function
 * argument): JSON files travel base64-encoded. The values passed in may be Terraform
 * references; the log group name must be a plain string, as it lands inside JSON.
 */
export function scraperUserData(props: UserDataProps): string {
  const environment = Object.entries(props.environment)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  const agentConfig = JSON.stringify({
    logs: {
      logs_collected: {
        files: {
          collect_list: [
            {
              file_path: SCRAPER_LOG_FILE,
              log_group_name: props.logGroupName,
              log_stream_name: '{instance_id}',
            },
          ],
        },
      },
    },
  });

  return [
    '#!/bin/bash',
    'set -euo pipefail',
    `shutdown -h +${MAX_HOST_HOURS * 60}`,
    `dnf install -y nodejs22 unzip amazon-cloudwatch-agent ${CHROMIUM_LIBRARIES.join(' ')}`,
    'useradd --system --home-dir /opt/live-scores --shell /sbin/nologin scraper',
    'install -d -m 0755 /opt/live-scores /etc/live-scores',
    'install -d -m 0755 -o scraper -g scraper /var/log/live-scores',
    `aws s3 cp s3://${props.bundleBucket}/${props.bundleKey} /opt/live-scores/scraper.zip --region ${props.region}`,
    'unzip -o -q /opt/live-scores/scraper.zip -d /opt/live-scores/scraper',
    'install -d -m 0755 /opt/live-scores/scraper/chromium-bin',
    `curl -fsSL --retry 5 ${CHROMIUM_ARM64_PACK_URL} | tar -x -C /opt/live-scores/scraper/chromium-bin`,
    `echo ${base64(props.configJson)} | base64 -d > /etc/live-scores/config.json`,
    "cat > /etc/live-scores/scraper.env <<'ENV'",
    `AWS_REGION=${props.region}`,
    environment,
    'NODE_OPTIONS=--enable-source-maps',
    'ENV',
    'NODE_BIN=$(command -v node-22 || command -v node)',
    "cat > /opt/live-scores/run-scraper.sh <<'RUN'",
    '#!/bin/sh',
    'LIVE_SCORES_CONFIG=$(cat /etc/live-scores/config.json)',
    'export LIVE_SCORES_CONFIG',
    'exec $NODE_BIN /opt/live-scores/scraper/index.mjs',
    'RUN',
    'chmod 0755 /opt/live-scores/run-scraper.sh',
    "cat > /etc/systemd/system/live-scores-scraper.service <<'UNIT'",
    '[Unit]',
    'Description=live scores scraper',
    'Wants=network-online.target',
    'After=network-online.target',
    '[Service]',
    'User=scraper',
    'EnvironmentFile=/etc/live-scores/scraper.env',
    'ExecStart=/opt/live-scores/run-scraper.sh',
    'Restart=on-failure',
    'RestartSec=10',
    `StandardOutput=append:${SCRAPER_LOG_FILE}`,
    `StandardError=append:${SCRAPER_LOG_FILE}`,
    '[Install]',
    'WantedBy=multi-user.target',
    'UNIT',
    'echo NODE_BIN=$NODE_BIN >> /etc/live-scores/scraper.env',
    `echo ${base64(agentConfig)} | base64 -d > /etc/live-scores/cloudwatch-agent.json`,
    'amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/etc/live-scores/cloudwatch-agent.json',
    'systemctl daemon-reload',
    'systemctl enable --now live-scores-scraper.service',
    '',
  ].join('\n');
}
