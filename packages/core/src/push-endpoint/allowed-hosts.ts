/** One allow-list entry, parsed: `fcm.googleapis.com`, `*.notify.windows.com`, `127.0.0.1:8123`. */
export interface AllowedHost {
  /** Lower-case host name or IP (IPv6 without brackets). */
  host: string;
  /** `*.example.com`: any subdomain of `host`, never `host` itself. */
  wildcard: boolean;
  /** Absent: the scheme's default port only. */
  port?: number;
}

const ENTRY = /^(?:\[([0-9a-f:.]+)\]|(\*\.)?([a-z0-9.-]+))(?::(\d{1,5}))?$/;

/** Parses `host` / `host:port` / `*.domain` entries; throws a one-line reason for a bad one. */
export function parseAllowedHosts(entries: readonly string[]): AllowedHost[] {
  return entries.map((raw) => {
    const entry = raw.trim().toLowerCase();
    const match = ENTRY.exec(entry);
    if (!match) throw new Error(`push allow-list: "${raw}" is not a host or host:port`);
    const [, ipv6, star, name, port] = match;
    const parsed: AllowedHost = { host: ipv6 ?? name ?? '', wildcard: star !== undefined };
    if (port !== undefined) {
      const value = Number(port);
      if (value < 1 || value > 65_535)
        throw new Error(`push allow-list: "${raw}" has a port outside 1-65535`);
      parsed.port = value;
    }
    return parsed;
  });
}

/**
 * The allow-list in force: `PUSH_ALLOWED_HOSTS` (comma-separated) when set, else the
 * configured list. The environment wins so a test or benchmark can point at a local receiver
 * without editing the config file.
 */
export function resolveAllowedHosts(configured: readonly string[], env: string | undefined): AllowedHost[] {
  const fromEnv = env
    ?.split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return parseAllowedHosts(fromEnv && fromEnv.length > 0 ? fromEnv : configured);
}
