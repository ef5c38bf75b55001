import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ClubSite {
  /** `http://localhost:<port>`: loopback, yet another origin (and site) than the runtime's 127.0.0.1. */
  readonly origin: string;
  /** The page served at `/`. */
  html: string;
  close(): Promise<void>;
}

/** A club's own website, where the scoreboard is embedded with one script tag. */
export async function startClubSite(): Promise<ClubSite> {
  const site = { html: '' };
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(site.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(site, {
    origin: `http://localhost:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
