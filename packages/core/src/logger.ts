/**
 * Structured logging: one JSON object per line, always carrying the context fields
 * (service, matchId, teamId…) so a match day can be followed with `grep`.
 * Powertools' Logger satisfies the same interface inside Lambda.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values never reach a log line. */
const SECRET_KEY = /(secret|token|password|private|auth|p256dh|authorization)/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) out[key] = { name: value.name, message: value.message };
    else out[key] = SECRET_KEY.test(key) ? '[redacted]' : value;
  }
  return out;
}

export interface JsonLoggerOptions {
  service: string;
  level?: LogLevel;
  /** Where lines go; stderr by default so stdout stays free for data (`--out -`). */
  write?: (line: string) => void;
  fields?: Record<string, unknown>;
  now?: () => Date;
}

export interface JsonLogger extends Logger {
  /** A logger whose every line also carries these fields (e.g. matchId, teamId). */
  child(fields: Record<string, unknown>): JsonLogger;
}

export function createLogger(options: JsonLoggerOptions): JsonLogger {
  const level = options.level ?? ((process.env.LOG_LEVEL?.toLowerCase() as LogLevel | undefined) || 'info');
  const threshold = rank[level] ?? rank.info;
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const now = options.now ?? (() => new Date());
  const base = { service: options.service, ...options.fields };

  const log =
    (lvl: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (rank[lvl] < threshold) return;
      write(
        JSON.stringify({
          level: lvl,
          time: now().toISOString(),
          message,
          ...redact(base),
          ...redact(fields),
        }),
      );
    };

  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) =>
      createLogger({ ...options, level, write, now, fields: { ...options.fields, ...fields } }),
  };
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function createMemoryLogger(service = 'test'): JsonLogger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ service, level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  return Object.assign(logger, { lines });
}
