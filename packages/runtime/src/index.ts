export { startRuntime, type Runtime, type RuntimeOptions } from './runtime.ts';
export {
  createLocalSystem,
  DEFAULT_QUEUE_SETTINGS,
  type Health,
  type LocalSystem,
  type LocalSystemOptions,
  type QueueSettings,
} from './local-system.ts';
export { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http-server.ts';
export { readStaticFile, WEB_PUBLIC_DIR } from './static-files.ts';
export { createOperatorFeed, type OperatorFeed } from './operator-feed.ts';
export { loadVapidKeys, VAPID_KEYS_FILE, type VapidKeys } from './vapid-keys.ts';
export { prepareDataDir } from './data-dir.ts';
export { openRuntimeDatabase, queueCodecs, clearMatchDay } from './runtime-database.ts';
export { StartupError } from './startup-error.ts';
export { QUEUE_NAMES, QUEUE_MESSAGES, type QueueName } from './queues.ts';
export { scraperCommand } from './scraper-command.ts';
export { startScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from './scheduler.ts';
export { runStartCommand, START_USAGE, EXIT_CANNOT_START } from './start-command.ts';
export { runDlqCommand, DLQ_USAGE } from './dlq-command.ts';
