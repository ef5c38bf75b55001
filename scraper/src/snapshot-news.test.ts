import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from './page-scripts.ts';
import { snapshotNews, type SnapshotMemory } from './snapshot-news.ts';

const fresh: SnapshotMemory = { lastHash: undefined, seen: { headerHtml: false, scorecardHtml: false } };
const page = (parts: Partial<PageSnapshot> = {}): PageSnapshot => ({
  headerHtml: '<h1>Cleckheaton v Pudsey</h1>',
  scorecardHtml: '<table>12/0</table>',
  status: 'In Progress',
  hasScorecardTab: true,
  ...parts,
});

function afterSending(snapshot: PageSnapshot): SnapshotMemory {
  const verdict = snapshotNews(snapshot, fresh, false);
  if (verdict.kind !== 'news') throw new Error(`expected news, got ${verdict.kind}`);
  return verdict.memory;
}

describe('whether a read of the match page is news', () => {
  it('is news the first time, and remembers which parts the page has shown', () => {
    expect(snapshotNews(page({ scorecardHtml: '' }), fresh, false)).toMatchObject({
      kind: 'news',
      memory: { seen: { headerHtml: true, scorecardHtml: false } },
    });
  });

  it('is not news when nothing changed, unless a send is forced', () => {
    const memory = afterSending(page());
    expect(snapshotNews(page(), memory, false)).toEqual({ kind: 'unchanged' });
    expect(snapshotNews(page(), memory, true)).toMatchObject({ kind: 'news' });
  });

  it('is news when either part changed', () => {
    const memory = afterSending(page());
    expect(snapshotNews(page({ scorecardHtml: '<table>16/0</table>' }), memory, false).kind).toBe('news');
    expect(snapshotNews(page({ headerHtml: '<h1>rain delay</h1>' }), memory, false).kind).toBe('news');
  });

  it('never sends an empty page or one that lost a part it had, forced or not', () => {
    const memory = afterSending(page());
    expect(snapshotNews(page({ headerHtml: '', scorecardHtml: '' }), memory, true)).toEqual({
      kind: 'empty',
    });
    expect(snapshotNews(page({ scorecardHtml: '' }), memory, true)).toEqual({
      kind: 'part-missing',
      lost: ['scorecardHtml'],
    });
  });
});
