/**
 * The scraper host's boot script (the launch template's user data). It installs Node 22,
 * Chromium's shared libraries and the CloudWatch agent, fetches the scraper bundle from S3,
 * and installs the tag-watching supervisor (`scraperSupervisorScript`, the one copy, from
 * the AWS adapters) as an unprivileged systemd service. Nothing in it is secret: the host
 * reads no secret at all. launch-scraper passes no user data of its own, so this is what
 * every host runs; which matches it watches comes from its `Matches` tag.
 */
import {
  SCRAPER_HOST_PATHS,
  type ScraperHostSettings,
  scraperHostEnvironment,
  scraperSupervisorScript,
} from '@live-scores/aws/scraper-host';

/**
 * Sparticuz publishes an arm64 Chromium pack per release; the npm package ships only
 * x86_64. The host checks the download against the SHA-256 the stack is given
 * (`chromium_arm64_pack_sha256`) before unpacking it, so a replaced or corrupted asset never
 * runs: the boot stops and the host powers off.
 */
export const CHROMIUM_ARM64_PACK_URL =
  'https://github.com/Sparticuz/chromium/releases/download/v143.0.4/chromium-v143.0.4-pack.arm64.tar';
const CHROMIUM_PACK_FILE = '/opt/live-scores/chromium-pack.tar';

/** Hours after which a host shuts itself down (and so terminates) even if no sweep ran. */
export const MAX_HOST_HOURS = 12;

export const SCRAPER_LOG_FILE = '/var/log/live-scores/scraper.log';
export const SCRAPER_SERVICE = 'live-scores-scraper.service';

export interface UserDataProps extends ScraperHostSettings {
  bundleBucket: string;
  bundleKey: string;
  logGroupName: string;
  /** Hex SHA-256 of the pack at CHROMIUM_ARM64_PACK_URL (may be a Terraform reference). */
  chromiumPackSha256: string;
  /** The club's `scraper` settings as scrape flags (`scraperSettingsArgs`). */
  scraperSettings: readonly string[];
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
 * The supervisor exits 0 only when every match it watched is over: `SuccessAction` then
 * powers the host off (which terminates it), without giving the unprivileged service any
 * right to shut the machine down. Any other exit is a failure, and systemd starts it again.
 */
function serviceUnit(): string[] {
  return [
    '[Unit]',
    'Description=live scores scraper (supervised by its Matches tag)',
    'Wants=network-online.target',
    'After=network-online.target',
    'SuccessAction=poweroff',
    '[Service]',
    'User=scraper',
    `EnvironmentFile=${SCRAPER_HOST_PATHS.environmentFile}`,
    `ExecStart=${SCRAPER_HOST_PATHS.supervisor}`,
    'Restart=on-failure',
    'RestartSec=10',
    `StandardOutput=append:${SCRAPER_LOG_FILE}`,
    `StandardError=append:${SCRAPER_LOG_FILE}`,
    '[Install]',
    'WantedBy=multi-user.target',
  ];
}

/**
 * Download, check, unpack: the tar is opened only after `sha256sum` accepted the whole
 * file (never `curl | tar`, which unpacks before anything could be checked). A mismatch
 * powers the host off at once rather than leaving it idle until the 12-hour stop.
 */
export function verifiedPackSteps(pack: {
  url: string;
  sha256: string;
  file: string;
  into: string;
}): string[] {
  return [
    `install -d -m 0755 ${pack.into}`,
    `curl -fsSL --retry 5 -o ${pack.file} ${pack.url}`,
    `echo '${pack.sha256}  ${pack.file}' | sha256sum --check --strict --quiet - || { echo 'Chromium pack checksum mismatch; powering off' >&2; shutdown -h now; exit 1; }`,
    `tar -x -f ${pack.file} -C ${pack.into}`,
    `rm -f ${pack.file}`,
  ];
}

/**
 * The script writes shell variables as `$NAME`, never `${NAME}` (Terraform would read it as
 * its own interpolation), and holds no double quote (cdktf rejects them inside a function
 * argument): files with either travel base64-encoded. The settings may be Terraform
 * references; the log group name must be a plain string, as it lands inside JSON.
 */
export function scraperUserData(props: UserDataProps): string {
  const environment = Object.entries(scraperHostEnvironment(props)).map(
    ([name, value]) => `${name}=${value}`,
  );
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
  const { environmentFile, settingsFile, supervisor } = SCRAPER_HOST_PATHS;

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
    ...verifiedPackSteps({
      url: CHROMIUM_ARM64_PACK_URL,
      sha256: props.chromiumPackSha256,
      file: CHROMIUM_PACK_FILE,
      into: '/opt/live-scores/scraper/chromium-bin',
    }),
    `echo ${base64(scraperSupervisorScript())} | base64 -d > ${supervisor}`,
    `chmod 0755 ${supervisor}`,
    'NODE_BIN=$(command -v node-22 || command -v node)',
    `cat > ${environmentFile} <<'ENV'`,
    ...environment,
    'LOG_LEVEL=INFO',
    'NODE_OPTIONS=--enable-source-maps',
    'ENV',
    `echo NODE_BIN=$NODE_BIN >> ${environmentFile}`,
    `echo ${base64(props.scraperSettings.map((flag) => `${flag}\n`).join(''))} | base64 -d > ${settingsFile}`,
    `cat > /etc/systemd/system/${SCRAPER_SERVICE} <<'UNIT'`,
    ...serviceUnit(),
    'UNIT',
    `echo ${base64(agentConfig)} | base64 -d > /etc/live-scores/cloudwatch-agent.json`,
    'amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/etc/live-scores/cloudwatch-agent.json',
    'systemctl daemon-reload',
    `systemctl enable --now ${SCRAPER_SERVICE}`,
    '',
  ].join('\n');
}
