import type { Cms, CmsOutcome, MatchReportRecord, MatchResultRecord } from '@live-scores/core';
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
  /** The fixture field the match report `{ title, body }` goes to. */
  reportField?: string;
}

/** The report's field unless configured otherwise. */
export const DEFAULT_REPORT_FIELD = 'matchReport';

/** The club's fixture: the team and day to find it by. */
export const FIXTURE_QUERY =
  '*[_type == $type && team == $team && date == $date][0]{_id, _rev, liveScoresMatchId, liveScoresReportMatchId}';

const FixtureDocument = z.object({
  _id: z.string().min(1),
  _rev: z.string().min(1),
  liveScoresMatchId: z.string().nullish(),
  liveScoresReportMatchId: z.string().nullish(),
});
type FixtureDocument = z.infer<typeof FixtureDocument>;

/** The field that says which match a write was for: the result's and the report's, kept apart. */
type Guard = 'liveScoresMatchId' | 'liveScoresReportMatchId';

const QueryResponse = z.object({ result: FixtureDocument.nullable() });

/**
 * Records results and match reports in a Sanity dataset over its HTTP API. Exactly once per
 * match each: the patch stores the match id (`liveScoresMatchId` with the result,
 * `liveScoresReportMatchId` with the report) and is conditional on the revision just read
 * (`ifRevisionID`). A second delivery finds the id and stops; a concurrent one loses the
 * revision check (409), reads again, and finds it too.
 */
export function createSanityCms(options: SanityCmsOptions): Cms {
  const host = (options.apiHost ?? `https://${options.projectId}.api.sanity.io`).replace(/\/+$/, '');
  const base = `${host}/${options.apiVersion}/data`;
  const request = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 3;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };

  async function findFixture(
    record: Pick<MatchResultRecord, 'teamId' | 'date'>,
  ): Promise<FixtureDocument | null> {
    const url = new URL(`${base}/query/${encodeURIComponent(options.dataset)}`);
    url.searchParams.set('query', FIXTURE_QUERY);
    url.searchParams.set('$type', JSON.stringify(options.fixtureType));
    url.searchParams.set('$team', JSON.stringify(record.teamId));
    url.searchParams.set('$date', JSON.stringify(record.date));
    const response = await request(url, { headers });
    if (!response.ok) throw new Error(`Sanity query answered HTTP ${response.status}`);
    return QueryResponse.parse(await response.json()).result;
  }

  async function patch(fixture: FixtureDocument, set: Record<string, unknown>): Promise<boolean> {
    const url = `${base}/mutate/${encodeURIComponent(options.dataset)}?returnIds=true&visibility=sync`;
    const body = { mutations: [{ patch: { id: fixture._id, ifRevisionID: fixture._rev, set } }] };
    const response = await request(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 409) return false;
    if (!response.ok) throw new Error(`Sanity mutation answered HTTP ${response.status}`);
    return true;
  }

  async function writeOnce(
    record: Pick<MatchResultRecord, 'teamId' | 'date' | 'matchId'>,
    guard: Guard,
    set: Record<string, unknown>,
  ): Promise<CmsOutcome> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const fixture = await findFixture(record);
      if (!fixture) return 'fixture-not-found';
      if (fixture[guard] === record.matchId) return 'already-recorded';
      if (await patch(fixture, { ...set, [guard]: record.matchId })) return 'recorded';
    }
    throw new Error(
      `Sanity fixture for ${record.teamId} on ${record.date} kept changing under ${maxAttempts} attempts`,
    );
  }

  return {
    recordResult: (record: MatchResultRecord) =>
      writeOnce(record, 'liveScoresMatchId', { result: record.result, scorecardUrl: record.scorecardUrl }),
    recordReport: (record: MatchReportRecord) =>
      writeOnce(record, 'liveScoresReportMatchId', {
        [options.reportField ?? DEFAULT_REPORT_FIELD]: { title: record.title, body: record.body },
      }),
  };
}
