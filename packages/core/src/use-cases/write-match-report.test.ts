import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileReportStore } from '@live-scores/local';
import type { ReportText } from '@live-scores/notify';
import type { Scorecard } from '@live-scores/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import type { Cms, CmsOutcome, MatchReportRecord } from '../ports/cms.ts';
import type { ReportModel } from '../ports/report-model.ts';
import { reportNamingFor, writeMatchReport, type WriteMatchReportDeps } from './write-match-report.ts';

const innings = (team: string, runs: number, wickets: number, overs: string) => ({
  team,
  batting: [
    {
      name: 'A Deegan',
      howOut: 'b J Thurwell',
      out: true,
      runs: 61,
      balls: 70,
      minutes: 80,
      fours: 7,
      sixes: 1,
      strikeRate: 87.14,
    },
  ],
  extras: 5,
  total: { runs, wickets, overs, text: `${runs} for ${wickets} (${overs} Overs, 150 mins)` },
  fallOfWickets: '',
  bowling: [
    { name: 'J Thurwell', overs: '8', maidens: 1, runs: 30, wickets: 3, wides: 0, noBalls: 0, economy: 3.75 },
  ],
});

const final: Scorecard = {
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2025-06-14T17:40:00.000Z',
  seq: 410,
  status: 'complete',
  result: 'Cleckheaton WON BY 4 WICKETS',
  innings: [innings('Scholes', 176, 6, '40'), innings('Cleckheaton', 177, 6, '38.1')],
};
const naming = reportNamingFor(
  {
    club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton' },
    teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'x' }],
  },
  'firstTeam',
);

class RecordingCms implements Cms {
  readonly reports: MatchReportRecord[] = [];
  readonly written = new Set<string>();
  async recordResult(): Promise<CmsOutcome> {
    return 'recorded';
  }
  async recordReport(record: MatchReportRecord): Promise<CmsOutcome> {
    this.reports.push(record);
    if (this.written.has(record.matchId)) return 'already-recorded';
    this.written.add(record.matchId);
    return 'recorded';
  }
}

class CountingModel implements ReportModel {
  calls = 0;
  constructor(readonly answer: (draft: ReportText) => ReportText) {}
  async rewrite(_facts: unknown, draft: ReportText): Promise<ReportText> {
    this.calls++;
    return this.answer(draft);
  }
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const options = { naming, timeZone: 'Europe/London' };

async function deps(overrides: Partial<WriteMatchReportDeps> = {}): Promise<WriteMatchReportDeps> {
  const dir = await mkdtemp(join(tmpdir(), 'match-report-'));
  dirs.push(dir);
  return {
    reports: createFileReportStore(dir),
    model: undefined,
    cms: undefined,
    clock: { now: () => new Date('2025-06-14T17:41:00.000Z') },
    logger: createLogger({ service: 'test', level: 'error', write: () => {} }),
    ...overrides,
  };
}

describe('writing the match report at game over', () => {
  it('stores the template report of a final scorecard when no model is configured', async () => {
    const d = await deps();
    const outcome = await writeMatchReport(d, final, options);
    expect(outcome).toMatchObject({ kind: 'written', cms: 'disabled' });
    const stored = await d.reports.get('6123456');
    expect(stored).toEqual({
      matchId: '6123456',
      teamId: 'firstTeam',
      title: 'Cleckheaton beat Scholes by 4 wickets',
      body: expect.stringMatching(/^Cleckheaton won by 4 wickets with 11 balls to spare\.\n\n/),
      generatedBy: 'template',
      createdAt: '2025-06-14T17:41:00.000Z',
    });
  });

  it('leaves a scorecard that is not final alone', async () => {
    const d = await deps();
    expect(await writeMatchReport(d, { ...final, status: 'in-progress', result: null }, options)).toEqual({
      kind: 'not-final',
    });
    expect(await d.reports.get('6123456')).toBeUndefined();
  });

  it('on redelivery neither asks the model again, nor rewrites, nor sends the CMS a second write', async () => {
    const cms = new RecordingCms();
    const model = new CountingModel((draft) => ({
      title: draft.title,
      body: 'A Deegan made 61 as Cleckheaton won by 4 wickets.',
    }));
    const d = await deps({ cms, model });
    const first = await writeMatchReport(d, final, options);
    const again = await writeMatchReport(
      { ...d, clock: { now: () => new Date('2025-06-14T19:00:00.000Z') } },
      final,
      options,
    );
    expect(first).toMatchObject({ kind: 'written', cms: 'recorded', report: { generatedBy: 'llm' } });
    expect(again).toMatchObject({ kind: 'already-written', cms: 'already-recorded' });
    if (again.kind === 'not-final' || first.kind === 'not-final') throw new Error('expected reports');
    expect(again.report).toEqual(first.report);
    expect(model.calls).toBe(1);
    expect(cms.written.size).toBe(1);
    expect(cms.reports[0]).toEqual({
      teamId: 'firstTeam',
      date: '2025-06-14',
      matchId: '6123456',
      title: first.report.title,
      body: 'A Deegan made 61 as Cleckheaton won by 4 wickets.',
    });
  });

  it('stores one report when two deliveries race, and both send the CMS that same one', async () => {
    const cms = new RecordingCms();
    const d = await deps({ cms });
    const outcomes = await Promise.all([
      writeMatchReport(d, final, options),
      writeMatchReport(d, final, options),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-written', 'written']);
    expect(new Set(cms.reports.map((r) => r.body)).size).toBe(1);
    expect(cms.written.size).toBe(1);
  });

  it('uses the template when the model invents a figure, and says so in generatedBy', async () => {
    const model = new CountingModel((draft) => ({
      title: draft.title,
      body: 'Cleckheaton won by 5 wickets.',
    }));
    const d = await deps({ model });
    const outcome = await writeMatchReport(d, final, options);
    expect(outcome).toMatchObject({ kind: 'written', report: { generatedBy: 'template' } });
  });

  it('lets a failed CMS write fail the delivery, and the retry finishes it without a new report', async () => {
    let down = true;
    const cms = new RecordingCms();
    const flaky: Cms = {
      recordResult: () => cms.recordResult(),
      recordReport: async (record) => {
        if (down) throw new Error('CMS is down');
        return cms.recordReport(record);
      },
    };
    const d = await deps({ cms: flaky });
    await expect(writeMatchReport(d, final, options)).rejects.toThrow('CMS is down');
    const stored = await d.reports.get('6123456');
    down = false;
    expect(await writeMatchReport(d, final, options)).toMatchObject({
      kind: 'already-written',
      cms: 'recorded',
      report: stored,
    });
  });
});
