import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MatchReport } from '@live-scores/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileReportStore } from './file-report-store.ts';

const report: MatchReport = {
  matchId: '6123456',
  teamId: 'firstTeam',
  title: 'Cleckheaton beat Scholes by 8 wickets',
  body: 'Cleckheaton won by 8 wickets.',
  generatedBy: 'template',
  createdAt: '2025-06-07T18:00:00.000Z',
};

describe('the file report store', () => {
  const dirs: string[] = [];
  const store = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reports-'));
    dirs.push(dir);
    return { dir, store: createFileReportStore(dir) };
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a report at matches/<matchId>/report.json under the data dir', async () => {
    const { dir, store: reports } = await store();
    expect(await reports.putIfAbsent(report)).toBe('written');
    expect(JSON.parse(await readFile(join(dir, 'matches/6123456/report.json'), 'utf8'))).toEqual(report);
    expect(await reports.get('6123456')).toEqual(report);
  });

  it('has nothing for a match without a report', async () => {
    const { store: reports } = await store();
    expect(await reports.get('6123408')).toBeUndefined();
  });

  it('never rewrites a report: of racing writers exactly one stores its own', async () => {
    const { dir, store: reports } = await store();
    const rivals = ['A', 'B', 'C', 'D'].map((t) => ({ ...report, title: `report ${t}` }));
    const outcomes = await Promise.all(rivals.map((r) => reports.putIfAbsent(r)));
    expect(outcomes.filter((o) => o === 'written')).toHaveLength(1);
    const winner = rivals[outcomes.indexOf('written')]!;
    expect(await createFileReportStore(dir).get('6123456')).toEqual(winner);
    expect(await reports.putIfAbsent({ ...report, title: 'later' })).toBe('exists');
  });

  it('refuses a match id that is not one, so no key can leave the data dir', async () => {
    const { store: reports } = await store();
    await expect(reports.get('../../etc')).rejects.toThrow(/match id/);
  });
});
