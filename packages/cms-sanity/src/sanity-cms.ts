import type { Cms, CmsOutcome, MatchResultRecord } from '@live-scores/core';
import { z } from 'zod';

export interface SanityCmsOptions {
  projectId: string;
  dataset: string;
  apiVersion: string;
  /** The fixture document type, e.g. "fixture"; fixtures have `team` (the team id) and `date` fields. */
  fixtureType: string;
  /** An API token with write access; from the environment or a secret store, never the config file. */
  token: string;
  /** Defaults to `https://<projectId>.api.sanity.io` (the live API, not the CDN: the guard must see the last write). */
  apiHost?: string;
  fetch?: typeof fetch;
  /** Attempts when someone else edits the fixture between our read and our patch. */
  maxAttempts?: number;
}

/** The club's fixture: the team and day to find it by. */
export const FIXTURE_QUERY =
  '*[_type == $type && team == $team && date == $date][0]{_id, _rev, liveScoresMatchId}';

const FixtureDocument = z.object({
  _id: z.string().min(1),
  _rev: z.string().min(1),
  liveScoresMatchId: z.string().nullish(),
});

const QueryResponse = z.object({ result: FixtureDocument.nullable() });

/**
 * Records results in a Sanity dataset over its HTTP API. Exactly once per match: the patch
 * stores the match id (`liveScoresMatchId`) along with the result and is conditional on the
 * revision just read (`ifRevisionID`). A second delivery finds the id and stops; a
 * concurrent one loses the revision check (409), reads again, and finds it too.
 */
export function createSanityCms(options: SanityCmsOptions): Cms {
  const host = (options.apiHost ?? `https://${options.projectId}.api.sanity.io`).replace(/\/+$/, '');
  const base = `${host}/${options.apiVersion}/data`;
  const request = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 3;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };

  async function findFixture(record: MatchResultRecord): Promise<z.infer<typeof FixtureDocument> | null> {
    const url = new URL(`${base}/query/${encodeURIComponent(options.dataset)}`);
    url.searchParams.set('query', FIXTURE_QUERY);
    url.searchParams.set('$type', JSON.stringify(options.fixtureType));
    url.searchParams.set('$team', JSON.stringify(record.teamId));
    url.searchParams.set('$date', JSON.stringify(record.date));
    const response = await request(url, { headers });
    if (!response.ok) throw new Error(`Sanity query answered HTTP ${response.status}`);
    return QueryResponse.parse(await response.json()).result;
  }

  async function patch(
    fixture: z.infer<typeof FixtureDocument>,
    record: MatchResultRecord,
  ): Promise<boolean> {
    const url = `${base}/mutate/${encodeURIComponent(options.dataset)}?returnIds=true&visibility=sync`;
    const body = {
      mutations: [
        {
          patch: {
            id: fixture._id,
            ifRevisionID: fixture._rev,
            set: {
              result: record.result,
              scorecardUrl: record.scorecardUrl,
              liveScoresMatchId: record.matchId,
            },
          },
        },
      ],
    };
    const response = await request(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 409) return false;
    if (!response.ok) throw new Error(`Sanity mutation answered HTTP ${response.status}`);
    return true;
  }

  return {
    async recordResult(record): Promise<CmsOutcome> {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const fixture = await findFixture(record);
        if (!fixture) return 'fixture-not-found';
        if (fixture.liveScoresMatchId === record.matchId) return 'already-recorded';
        if (await patch(fixture, record)) return 'recorded';
      }
      throw new Error(
        `Sanity fixture for ${record.teamId} on ${record.date} kept changing under ${maxAttempts} attempts`,
      );
    },
  };
}
