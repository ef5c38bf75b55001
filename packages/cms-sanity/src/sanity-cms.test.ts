import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSanityCms, FIXTURE_QUERY } from './sanity-cms.ts';
import { SanityStub } from './sanity-stub.ts';

const record = {
  teamId: 'firstTeam',
  date: '2025-06-14',
  matchId: '6123456',
  result: 'Cleckheaton WON BY 8 WICKETS',
  scorecardUrl: 'https://bradfordcl.play-cricket.com/website/results/6123456',
};

describe('the Sanity CMS adapter', () => {
  const stub = new SanityStub();
  let apiHost: string;

  beforeAll(async () => {
    apiHost = await stub.start();
  });
  afterAll(() => stub.stop());
  beforeEach(() => {
    stub.docs = [
      { _id: 'fx-1', _rev: stub.nextRev(), _type: 'fixture', team: 'firstTeam', date: '2025-06-14' },
      { _id: 'fx-2', _rev: stub.nextRev(), _type: 'fixture', team: 'secondTeam', date: '2025-06-14' },
    ];
    stub.queries = [];
    stub.mutations = [];
    stub.applied = [];
    stub.authorizations = [];
  });

  const cms = (): ReturnType<typeof createSanityCms> =>
    createSanityCms({
      projectId: 'abc123',
      dataset: 'production',
      apiVersion: 'v2025-02-19',
      fixtureType: 'fixture',
      token: 'sk-test-token',
      apiHost,
    });

  it('finds the fixture by type, team and date with a parameterised GROQ query', async () => {
    await cms().recordResult(record);
    const query = stub.queries[0]!;
    expect(query.searchParams.get('query')).toBe(FIXTURE_QUERY);
    expect(FIXTURE_QUERY).toContain('*[_type == $type && team == $team && date == $date][0]');
    expect(query.searchParams.get('$type')).toBe('"fixture"');
    expect(query.searchParams.get('$team')).toBe('"firstTeam"');
    expect(query.searchParams.get('$date')).toBe('"2025-06-14"');
    expect(stub.authorizations[0]).toBe('Bearer sk-test-token');
  });

  it('patches the result, the scorecard link and the match id, conditional on the revision it read', async () => {
    const revisionRead = stub.docs[0]!._rev;
    expect(await cms().recordResult(record)).toBe('recorded');
    expect(stub.mutations).toEqual([
      {
        mutations: [
          {
            patch: {
              id: 'fx-1',
              ifRevisionID: revisionRead,
              set: { result: record.result, scorecardUrl: record.scorecardUrl, liveScoresMatchId: '6123456' },
            },
          },
        ],
      },
    ]);
    expect(stub.docs[0]).toMatchObject({ result: record.result, liveScoresMatchId: '6123456' });
    expect(stub.docs[1]!.result).toBeUndefined();
  });

  it('writes once however many times the result is delivered', async () => {
    const outcomes = [
      await cms().recordResult(record),
      await cms().recordResult(record),
      await cms().recordResult(record),
    ];
    expect(outcomes).toEqual(['recorded', 'already-recorded', 'already-recorded']);
    expect(stub.mutations).toHaveLength(1);
  });

  it('loses a race cleanly: a 409 on the revision makes it read again and find the result recorded', async () => {
    stub.editAfterNextQuery = (doc) =>
      Object.assign(doc, { result: record.result, liveScoresMatchId: '6123456' });
    expect(await cms().recordResult(record)).toBe('already-recorded');
    expect(stub.mutations).toHaveLength(1);
    expect(stub.queries).toHaveLength(2);
  });

  it('retries after an unrelated edit and still records the result', async () => {
    stub.editAfterNextQuery = (doc) => Object.assign(doc, { venue: 'Moorend' });
    expect(await cms().recordResult(record)).toBe('recorded');
    expect(stub.mutations).toHaveLength(2);
    expect(stub.applied).toHaveLength(1);
    expect(stub.docs[0]).toMatchObject({ venue: 'Moorend', liveScoresMatchId: '6123456' });
  });

  it('reports a fixture the CMS does not have, without writing', async () => {
    expect(await cms().recordResult({ ...record, date: '2025-06-15' })).toBe('fixture-not-found');
    expect(stub.mutations).toEqual([]);
  });

  describe('the match report', () => {
    const report = {
      teamId: 'firstTeam',
      date: '2025-06-14',
      matchId: '6123456',
      title: 'Cleckheaton beat Scholes by 8 wickets',
      body: 'Cleckheaton won by 8 wickets with 31 balls to spare.',
    };

    it('goes to the configured field beside the result, guarded by its own match id', async () => {
      await cms().recordResult(record);
      const revisionRead = stub.docs[0]!._rev;
      const reporting = createSanityCms({
        projectId: 'abc123',
        dataset: 'production',
        apiVersion: 'v2025-02-19',
        fixtureType: 'fixture',
        token: 'sk-test-token',
        apiHost,
        reportField: 'clubReport',
      });
      expect(await reporting.recordReport(report)).toBe('recorded');
      expect(stub.mutations.at(-1)).toEqual({
        mutations: [
          {
            patch: {
              id: 'fx-1',
              ifRevisionID: revisionRead,
              set: {
                clubReport: { title: report.title, body: report.body },
                liveScoresReportMatchId: '6123456',
              },
            },
          },
        ],
      });
      expect(stub.docs[0]).toMatchObject({ result: record.result, liveScoresMatchId: '6123456' });
    });

    it('is written once however many times it is delivered, whether or not the result came first', async () => {
      const outcomes = [await cms().recordReport(report), await cms().recordReport(report)];
      expect(await cms().recordResult(record)).toBe('recorded');
      outcomes.push(await cms().recordReport(report));
      expect(outcomes).toEqual(['recorded', 'already-recorded', 'already-recorded']);
      expect(stub.mutations).toHaveLength(2);
      expect(stub.docs[0]).toMatchObject({ matchReport: { title: report.title }, result: record.result });
    });

    it('reports a fixture the CMS does not have, without writing', async () => {
      expect(await cms().recordReport({ ...report, date: '2025-06-15' })).toBe('fixture-not-found');
      expect(stub.mutations).toEqual([]);
    });
  });
});
