import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types.ts';

/** One figure as stored in results.json, under its key. */
export type StoredResult = Omit<BenchResult, 'key'> & { measuredAt: string };
export type StoredResults = Record<string, StoredResult>;

/**
 * Merges `results` into `<dir>/results.json` (replacing figures with the same key, keeping
 * the others, each stamped with when it was measured) and rewrites `<dir>/results.md`.
 * Merging lets one benchmark be re-run without losing the rest of the table.
 */
export function writeResults(
  dir: string,
  results: readonly BenchResult[],
  measuredAt = new Date(),
): StoredResults {
  mkdirSync(dir, { recursive: true });
  const merged: StoredResults = { ...readStored(join(dir, 'results.json')) };
  for (const { key, ...figure } of results) merged[key] = { ...figure, measuredAt: measuredAt.toISOString() };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), renderMarkdown(sorted));
  return sorted;
}

/** The results as a Markdown table: figure, value, target, pass/fail. */
export function renderMarkdown(results: StoredResults): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows = Object.entries(results).map(([key, r]) => {
    const target = r.target ? `${r.target.op} ${formatNumber(r.target.value)} ${r.unit}` : '—';
    const pass = r.pass === undefined ? '—' : r.pass ? 'pass' : '**fail**';
    return `| ${r.label} (\`${key}\`) | ${formatNumber(r.value)} ${r.unit} | ${target} | ${pass} | ${machineOf(r)} |`;
  });
  return [
    '# Benchmark results',
    '',
    `Node ${process.version} on ${cpu} (${cpus().length} cores); each figure is stamped with its run in results.json.`,
    '',
    '| Figure | Value | Target | Pass | Machine during the run |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Steal and load beside each figure: the same code measures differently on a busy host. */
function machineOf(r: StoredResult): string {
  const d = r.detail ?? {};
  if (d.loadAvg1 === undefined) return '—';
  const steal = d.cpuStealPct === undefined ? '' : `steal ${d.cpuStealPct} %, busy ${d.cpuBusyPct} %, `;
  return `${steal}load ${d.loadAvg1}`;
}

function readStored(path: string): StoredResults {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredResults;
  } catch {
    return {};
  }
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toString() : Number(value.toPrecision(3)).toString();
}
