import type { CheckResult } from './checks.ts';

/** The day's verdict as a plain-text table, one check per row. */
export function summaryTable(
  results: readonly CheckResult[],
  figures: Record<string, string | number>,
): string {
  const rows = results.map((r) => [r.pass ? 'PASS' : 'FAIL', r.name, r.detail]);
  const widths = [4, ...[1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), 6))];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const figureWidth = Math.max(...Object.keys(figures).map((k) => k.length));
  return [
    line(['', 'check', 'detail']),
    rule,
    ...rows.map(line),
    '',
    ...Object.entries(figures).map(([name, value]) => `${name.padEnd(figureWidth)}  ${value}`),
    '',
  ].join('\n');
}
