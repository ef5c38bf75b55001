import type { Innings, Scorecard } from '@live-scores/schema';
import { inningsSummary } from './summary.ts';

/** Stable keys for the rows of a rendered card, so a changed row can be found and highlighted. */
export const rowKey = {
  batter: (innings: number, name: string) => `${innings}:bat:${name}`,
  bowler: (innings: number, name: string) => `${innings}:bowl:${name}`,
  extras: (innings: number) => `${innings}:extras`,
  total: (innings: number) => `${innings}:total`,
  fallOfWickets: (innings: number) => `${innings}:fow`,
  summary: () => 'summary',
  result: () => 'result',
};

function inningsRows(innings: Innings, index: number): Map<string, string> {
  const rows = new Map<string, string>();
  for (const b of innings.batting) rows.set(rowKey.batter(index, b.name), JSON.stringify(b));
  for (const b of innings.bowling) rows.set(rowKey.bowler(index, b.name), JSON.stringify(b));
  rows.set(rowKey.extras(index), String(innings.extras));
  rows.set(rowKey.total(index), JSON.stringify(innings.total));
  rows.set(rowKey.fallOfWickets(index), innings.fallOfWickets);
  return rows;
}

function allRows(scorecard: Scorecard): Map<string, string> {
  const rows = new Map<string, string>();
  scorecard.innings.forEach((innings, i) => inningsRows(innings, i).forEach((v, k) => rows.set(k, v)));
  rows.set(rowKey.summary(), JSON.stringify(scorecard.innings.at(-1)?.total ?? null));
  rows.set(rowKey.result(), String(scorecard.result));
  return rows;
}

/** The rows whose content differs between two captures of a match (none on first sight: nothing "changed"). */
export function changedRows(previous: Scorecard | undefined, next: Scorecard): Set<string> {
  if (!previous) return new Set();
  const before = allRows(previous);
  const changed = new Set<string>();
  for (const [key, value] of allRows(next)) if (before.get(key) !== value) changed.add(key);
  return changed;
}

/**
 * What a screen reader should hear about an update: each new wicket and a new result.
 * Runs are left out on purpose; announcing every ball would drown the page.
 */
export function announcements(previous: Scorecard | undefined, next: Scorecard): string[] {
  if (!previous) return [];
  const messages: string[] = [];
  next.innings.forEach((innings, i) => {
    const before = previous.innings[i];
    const wicketsBefore = before?.total.wickets ?? 0;
    if (innings.total.wickets <= wicketsBefore) return;
    const newlyOut = innings.batting.filter(
      (b) => b.out && !before?.batting.some((was) => was.name === b.name && was.out),
    );
    const who = newlyOut.map((b) => `${b.name} ${b.howOut} ${b.runs ?? 0}`).join('; ');
    messages.push(`Wicket! ${who ? `${who}. ` : ''}${inningsSummary(innings)}`);
  });
  if (next.result && next.result !== previous.result) messages.push(`Result: ${next.result}`);
  return messages;
}
