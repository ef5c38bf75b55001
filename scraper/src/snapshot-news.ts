import { createHash } from 'node:crypto';
import type { PageSnapshot } from './page-scripts.ts';

/** What a session remembers of the page between reads. */
export interface SnapshotMemory {
  /** The content hash last sent. */
  lastHash: string | undefined;
  /** Whether each part has ever been on the page. */
  seen: { headerHtml: boolean; scorecardHtml: boolean };
}

export type SnapshotVerdict =
  | { kind: 'empty' }
  /** A part the page had and now lacks: the site re-rendering, not news. */
  | { kind: 'part-missing'; lost: ('headerHtml' | 'scorecardHtml')[] }
  | { kind: 'unchanged' }
  | { kind: 'news'; memory: SnapshotMemory };

function contentHash(snapshot: PageSnapshot): string {
  return createHash('sha256')
    .update(snapshot.headerHtml)
    .update('\0')
    .update(snapshot.scorecardHtml)
    .digest('hex');
}

/**
 * Is this read of the page news? Only when its content differs from what was last sent (or a
 * send is forced, after a recovery). A page that shows nothing, or has lost a part it had, is
 * never news: sending it would replace a good scorecard with an empty one.
 */
export function snapshotNews(
  snapshot: PageSnapshot,
  memory: SnapshotMemory,
  forced: boolean,
): SnapshotVerdict {
  if (snapshot.headerHtml === '' && snapshot.scorecardHtml === '') return { kind: 'empty' };
  const lost = (['headerHtml', 'scorecardHtml'] as const).filter(
    (part) => snapshot[part] === '' && memory.seen[part],
  );
  if (lost.length > 0) return { kind: 'part-missing', lost };
  const hash = contentHash(snapshot);
  if (hash === memory.lastHash && !forced) return { kind: 'unchanged' };
  return {
    kind: 'news',
    memory: {
      lastHash: hash,
      seen: {
        headerHtml: memory.seen.headerHtml || snapshot.headerHtml !== '',
        scorecardHtml: memory.seen.scorecardHtml || snapshot.scorecardHtml !== '',
      },
    },
  };
}
