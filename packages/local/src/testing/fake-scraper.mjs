// A stand-in for `live-scores scrape … --out -` in tests: prints one ScorecardHtml JSON line
// per saved page for each --url/--team pair, then stays alive like a scraper still watching.
//
// Environment:
//   FAKE_SCRAPER_PAGES      comma-separated page files (required), sent in order, seq 1, 2, …
//   FAKE_SCRAPER_INTERVAL_MS wait between lines (default 20)
//   FAKE_SCRAPER_STARTS     a file that gets one line per start (pid), so tests can count restarts
//   FAKE_SCRAPER_CRASH_FIRST exit 1 after the first line, on the first start only
//   FAKE_SCRAPER_IGNORE_TERM ignore SIGTERM (to test the SIGKILL after the grace period)
//   FAKE_SCRAPER_DAY_START  epoch ms: page i is on the site from DAY_START + i × INTERVAL, so
//                           a restarted scraper starts at the page the site shows now, as a
//                           real one would, rather than replaying the day from the first page
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { setInterval, setTimeout } from 'node:timers';

const args = process.argv.slice(2);
const matches = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--url') matches.push({ url: args[i + 1], teamId: args[i + 3] });
}
const pages = (process.env.FAKE_SCRAPER_PAGES ?? '').split(',').filter(Boolean);
const interval = Number(process.env.FAKE_SCRAPER_INTERVAL_MS ?? 20);
const startsFile = process.env.FAKE_SCRAPER_STARTS;
const firstStart = !startsFile || !existsSync(startsFile);
if (startsFile) appendFileSync(startsFile, `${process.pid}\n`);

// As the real scraper does with --exit-with-parent: a runtime killed with SIGKILL leaves no
// scraper behind (its parent is gone; process.ppid is read once, so ask the kernel).
if (args.includes('--exit-with-parent')) {
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 100).unref();
}

process.on('SIGTERM', () => {
  if (!process.env.FAKE_SCRAPER_IGNORE_TERM) process.exit(0);
});

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const dayStart = process.env.FAKE_SCRAPER_DAY_START ? Number(process.env.FAKE_SCRAPER_DAY_START) : undefined;
let seq = 0;
for (const [index, page] of pages.entries()) {
  if (dayStart !== undefined) {
    const showing = Math.floor((Date.now() - dayStart) / interval);
    if (index < Math.min(showing, pages.length - 1)) continue;
    await wait(dayStart + index * interval - Date.now());
    // Each page keeps its place in the day, so a restart's copy is the same capture sequence.
    seq = index * matches.length;
  }
  for (const match of matches) {
    const html = readFileSync(page, 'utf8');
    const message = {
      matchId: match.url.split('/').pop(),
      teamId: match.teamId,
      url: match.url,
      capturedAt: new Date().toISOString(),
      seq: ++seq,
      headerHtml: html,
      scorecardHtml: '',
    };
    process.stdout.write(JSON.stringify(message) + '\n');
    if (process.env.FAKE_SCRAPER_CRASH_FIRST && firstStart) process.exit(1);
    if (dayStart === undefined) await wait(interval);
  }
}
process.stderr.write(
  JSON.stringify({ level: 'info', message: 'fake scraper idle', matches: matches.length }) + '\n',
);
setInterval(() => undefined, 60_000);
