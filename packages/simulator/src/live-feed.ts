import type { ServerResponse } from 'node:http';
import type { MatchUpdate } from './render-match.ts';

/** Server-Sent Events per match: every open match page gets every update. */
export class LiveFeed {
  private readonly listeners = new Map<string, Set<ServerResponse>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    // A comment line now and then keeps idle connections (and proxies) from timing out.
    this.heartbeat = setInterval(() => this.broadcastRaw(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  subscribe(matchId: string, res: ServerResponse, current: MatchUpdate): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    res.write(this.frame(current));
    let set = this.listeners.get(matchId);
    if (!set) this.listeners.set(matchId, (set = new Set()));
    set.add(res);
    res.on('close', () => set.delete(res));
  }

  publish(update: MatchUpdate): void {
    const frame = this.frame(update);
    for (const res of this.listeners.get(update.matchId) ?? []) res.write(frame);
  }

  get connections(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.listeners.values()) for (const res of set) res.end();
    this.listeners.clear();
  }

  private frame(update: MatchUpdate): string {
    return `id: ${update.version}\ndata: ${JSON.stringify(update)}\n\n`;
  }

  private broadcastRaw(text: string): void {
    for (const set of this.listeners.values()) for (const res of set) res.write(text);
  }
}
