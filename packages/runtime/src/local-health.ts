import type {
  ChildProcessScraperFleet,
  EmbeddedQueue,
  LocalDatabase,
  StorageHealth,
} from '@live-scores/local';
import type { Scorecard } from '@live-scores/schema';

export interface ScraperHealth {
  hostId: string;
  pid: number | undefined;
  alive: boolean;
  matchIds: string[];
}

export interface Health {
  scrapers: ScraperHealth[];
  /** The newest stored scorecard of each match seen since start (or today, on disk). */
  lastScorecards: { matchId: string; teamId: string; status: string; seq: number; capturedAt: string }[];
  queues: { queue: string; depth: number; deadLetters: number }[];
  deadLetters: number;
  database: StorageHealth;
}

const pidAlive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What `/healthz` and the operator see: scraper processes, newest scorecards, queues, database. */
export async function localHealth(parts: {
  fleet: ChildProcessScraperFleet;
  latest: ReadonlyMap<string, Scorecard>;
  queues: readonly EmbeddedQueue<unknown>[];
  database: LocalDatabase;
}): Promise<Health> {
  const { fleet } = parts;
  const hosts = await fleet.list();
  const queueStats = await Promise.all(
    parts.queues.map(async (q) => ({
      queue: q.name,
      depth: q.depth(),
      deadLetters: (await q.deadLetters()).length,
    })),
  );
  return {
    scrapers: hosts.map((h) => {
      const pid = fleet.pidOf(h.id);
      return { hostId: h.id, pid, alive: pidAlive(pid), matchIds: h.matches.map((m) => m.matchId) };
    }),
    lastScorecards: [...parts.latest.values()].map((s) => ({
      matchId: s.matchId,
      teamId: s.teamId,
      status: s.status,
      seq: s.seq,
      capturedAt: s.capturedAt,
    })),
    queues: queueStats,
    deadLetters: queueStats.reduce((sum, q) => sum + q.deadLetters, 0),
    database: parts.database.health(),
  };
}
