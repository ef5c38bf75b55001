import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A document of the stub dataset. */
export interface SanityStubDocument {
  _id: string;
  _rev: string;
  _type: string;
  team: string;
  date: string;
  result?: string;
  scorecardUrl?: string;
  liveScoresMatchId?: string;
  liveScoresReportMatchId?: string;
}

/**
 * A loopback stand-in for Sanity's query and patch endpoints, for tests and local demos:
 * answers the fixture query by `_type`, `team` and `date`, and applies `patch.set`
 * mutations only when `ifRevisionID` matches (409 otherwise), as Sanity does. It records
 * every query and mutation so tests can assert on exactly what was sent.
 */
export class SanityStub {
  docs: SanityStubDocument[] = [];
  queries: URL[] = [];
  mutations: unknown[] = [];
  /** The mutations that were applied: `mutations` without those refused with 409 or 404. */
  applied: unknown[] = [];
  authorizations: (string | undefined)[] = [];
  /** When set, the next query's answer is followed by this edit before the patch arrives. */
  editAfterNextQuery: ((doc: SanityStubDocument) => void) | undefined;
  private revision = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  nextRev(): string {
    return `rev-${++this.revision}`;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://stub');
    this.authorizations.push(req.headers.authorization);
    const route = /^\/v[\d-]+\/data\/(query|mutate)\/[\w-]+$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && route === 'query') {
      this.queries.push(url);
      const param = (name: string): unknown => JSON.parse(url.searchParams.get(name) ?? 'null');
      const doc = this.docs.find(
        (d) => d._type === param('$type') && d.team === param('$team') && d.date === param('$date'),
      );
      const result = doc
        ? {
            _id: doc._id,
            _rev: doc._rev,
            liveScoresMatchId: doc.liveScoresMatchId,
            liveScoresReportMatchId: doc.liveScoresReportMatchId,
          }
        : null;
      if (doc && this.editAfterNextQuery) {
        this.editAfterNextQuery(doc);
        doc._rev = this.nextRev();
        this.editAfterNextQuery = undefined;
      }
      return { status: 200, body: { result } };
    }
    if (req.method === 'POST' && route === 'mutate') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        mutations: { patch: { id: string; ifRevisionID: string; set: Partial<SanityStubDocument> } }[];
      };
      this.mutations.push(body);
      for (const { patch } of body.mutations) {
        const doc = this.docs.find((d) => d._id === patch.id);
        if (!doc) return { status: 404, body: { error: 'not found' } };
        if (doc._rev !== patch.ifRevisionID) return { status: 409, body: { error: 'revision mismatch' } };
        Object.assign(doc, patch.set, { _rev: this.nextRev() });
      }
      this.applied.push(body);
      return { status: 200, body: { transactionId: this.nextRev() } };
    }
    return { status: 404, body: { error: `no route ${req.method} ${url.pathname}` } };
  }
}
