import type { OverHistory } from '@live-scores/schema';
import { matchOversPath } from '@live-scores/schema';
import { eventually } from '@live-scores/test-support';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oversPath } from './overs/overs-api.ts';
import { seriousAxeViolations } from './test-support/axe.ts';
import { ARTIFACTS_DIR, launchBrowser } from './test-support/browser.ts';
import { gate, startOversSite, type OversSite } from './test-support/overs-site.ts';
import { simulatedMatch } from './test-support/simulated-match.ts';

/*
 * The page's worm, Manhattan and figures, drawn from over histories the server folded from a
 * simulated match's scorecards, and checked against what the simulator actually played.
 */

const OVERS = 20;
const chase = simulatedMatch({ matchId: '7000001', teamId: 'firstTeam', seed: 23, oversPerSide: OVERS });
const patchy = simulatedMatch({ matchId: '7000002', teamId: 'secondTeam', seed: 7, oversPerSide: OVERS });
const late = simulatedMatch({ matchId: '7000003', teamId: 'thirdTeam', seed: 2026, oversPerSide: OVERS });

/** 10.2 overs into the chase: the state shown, its scorecards and the history folded from them. */
const at = chase.stateWhere((s) => s.innings.length === 2 && s.innings[1]!.legalBalls === 62);
const shown = chase.scorecards[at]!;
const shownHistory = chase.historyOf(chase.scorecards.slice(0, at + 1));
const truth = chase.timeline.states[at]!;
const truthEnds = chase.overEnds(at);

/** The patchy match: three captures in four lost, so some overs' ends were never seen. */
const patchyAt = patchy.stateWhere((s) => s.innings.length === 2 && s.innings[1]!.legalBalls === 48);
const patchyCards = patchy.scorecards.slice(0, patchyAt + 1).filter((_, i) => i % 4 === 0 || i === patchyAt);
const patchyHistory = patchy.historyOf(patchyCards);

const score = (runs: number, wickets: number) => `${runs}/${wickets}`;
const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '');
/** A visually-hidden chart table's body rows, as [over, innings 1, innings 2] texts. */
const tableRows = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())),
  );
/** Two animation frames: whatever the last change laid out has been painted. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('the worm, the Manhattan and the innings figures, in Chromium', () => {
  let browser: Browser;
  let site: OversSite;
  let page: Page;

  beforeAll(async () => {
    site = await startOversSite({ oversPerSide: OVERS });
    site.scorecards = [shown, patchyCards.at(-1)!];
    site.histories.set(shown.matchId, shownHistory);
    site.histories.set(patchyHistory.matchId, patchyHistory);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(site.origin, { waitUntil: 'load' });
    await page.waitForSelector('#match-7000001 .worm polyline');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('fetches each history from the path the server serves it at', () => {
    expect(oversPath('7000001')).toBe(matchOversPath('7000001'));
    expect(site.oversRequests).toEqual(expect.arrayContaining(['7000001', '7000002']));
  });

  it('draws both innings on the worm with a dot per wicket, and a Manhattan bar per completed over', async () => {
    const card = '#match-7000001';
    for (const [i, innings] of truth.innings.entries()) {
      expect(await page.$$(`${card} .worm .series-${i} polyline`)).toHaveLength(1);
      expect(await page.$$(`${card} .worm .series-${i} .wicket`)).toHaveLength(
        countWicketPoints(truthEnds[i]!, innings),
      );
      expect(await page.$$(`${card} .manhattan .series-${i} rect`)).toHaveLength(
        Math.floor(innings.legalBalls / 6),
      );
    }
    expect(await page.$$(`${card} .worm .target`)).toHaveLength(1);
  });

  it('offers the charts as tables a screen reader can read, matching the simulated overs', async () => {
    const worm = await tableRows(page, '#match-7000001 .worm table');
    expect(worm).toHaveLength(OVERS + 1);
    truthEnds.forEach((ends, i) =>
      ends.forEach((end, o) => expect(worm[o]![i + 1]).toBe(score(end.runs, end.wickets))),
    );
    expect(worm.at(-1)).toEqual(['Now', ...truth.innings.map((inn) => score(inn.runs, inn.wickets))]);
    const manhattan = await tableRows(page, '#match-7000001 .manhattan table');
    truthEnds.forEach((ends, i) =>
      ends.forEach((end, o) => {
        const before = ends[o - 1] ?? { runs: 0, wickets: 0 };
        const wickets = end.wickets - before.wickets;
        const expected = `${end.runs - before.runs}${wickets ? `, ${wickets} wicket${wickets > 1 ? 's' : ''}` : ''}`;
        expect(manhattan[o]![i + 1]).toBe(expected);
      }),
    );
  });

  it('shows the run rate, the target, the rate required, the partnership and this over so far', async () => {
    const [first, second] = truth.innings as [(typeof truth.innings)[0], (typeof truth.innings)[0]];
    const needed = first.runs + 1 - second.runs;
    expect(await textOf(page, '#match-7000001 .chase')).toBe(`need ${needed} from ${120 - 62} balls`);
    const rates = await textOf(page, '#match-7000001 .rates');
    expect(rates).toContain(`Run rate ${((second.runs * 6) / 62).toFixed(2)}`);
    expect(rates).toContain(`Target ${first.runs + 1}`);
    expect(rates).toContain(`Required ${((needed * 6) / 58).toFixed(2)}`);
    const innings = shown.innings[1]!;
    const falls = [...innings.fallOfWickets.matchAll(/(\d+)-(\d+)/g)];
    const atLastWicket = Number(falls.at(-1)?.[2] ?? 0);
    expect(rates).toContain(`Partnership ${second.runs - atLastWicket}`);
    expect(
      await page.$$eval('#match-7000001 .this-over .ball', (balls) => balls.map((b) => b.textContent)),
    ).toEqual(deliveriesOfOver(11));
    expect(await textOf(page, '#match-7000001 .this-over')).toMatch(/^Over 11: /);
  });

  it('leaves an over no scorecard proved as a gap: the line breaks, the bar is missing, never a guessed figure', async () => {
    const card = '#match-7000002';
    const ends = patchy.overEnds(patchyAt);
    const worm = await tableRows(page, `${card} .worm table`);
    const gaps = worm.flat().filter((cell) => cell === 'not known').length;
    expect(gaps).toBeGreaterThan(0);
    ends.forEach((list, i) =>
      list.forEach((end, o) => {
        const cell = worm[o]![i + 1];
        if (cell !== 'not known') expect(cell).toBe(score(end.runs, end.wickets));
      }),
    );
    const lines = await page.$$(
      `${card} .worm .series-0 polyline, ${card} .worm .series-0 circle:not(.wicket)`,
    );
    expect(lines.length).toBeGreaterThan(1);
    const bars = (await page.$$(`${card} .manhattan rect`)).length;
    expect(bars).toBeLessThan(20 + 8);
    expect(await textOf(page, `${card} .chart-note`)).toContain('Blank');
  });

  it('has no serious or critical accessibility violations with the charts drawn (axe-core)', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keeps the newest history by upTo, whichever arrives first, and still highlights the changed score', async () => {
    const next = chase.scorecards[at + 1]!;
    const nextHistory = chase.historyOf(chase.scorecards.slice(0, at + 2));
    expect(site.send({ type: 'overs', history: nextHistory })).toBe(1);
    expect(site.send({ type: 'overs', history: shownHistory })).toBe(1);
    site.send({ type: 'scorecard', scorecard: next });
    const now = score(next.innings[1]!.total.runs, next.innings[1]!.total.wickets);
    await page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('#match-7000001 .worm tbody tr')]
          .at(-1)
          ?.textContent?.includes(expected) &&
        document.querySelector('#match-7000001 .summary-score')?.textContent?.includes(expected),
      { polling: 'mutation' },
      now,
    );
    expect(await page.$eval('#match-7000001 .summary', (el) => el.classList.contains('changed'))).toBe(true);
    site.send({ type: 'overs', history: shownHistory });
    await painted(page);
    expect((await tableRows(page, '#match-7000001 .worm table')).at(-1)?.[2]).toBe(now);
  });

  it('fetches the history of a match the socket has said nothing about yet', async () => {
    const card = late.scorecards[late.stateWhere((s) => s.innings[0]?.legalBalls === 30)]!;
    site.histories.set(card.matchId, late.historyOf(late.scorecards.filter((s) => s.seq <= card.seq)));
    site.send({ type: 'scorecard', scorecard: card });
    await page.waitForSelector('#match-7000003 .worm polyline');
    expect(site.oversRequests).toContain('7000003');
    expect(await page.$$('#match-7000003 .manhattan .series-0 rect')).toHaveLength(5);
  });

  it('fetches every history again after reconnecting', async () => {
    const before = site.oversRequests.length;
    const syncs = site.received.length;
    site.dropSockets();
    await eventually(
      'the page reconnected and resynced',
      () => site.received.length > syncs && site.openSockets === 1,
    );
    await eventually('the histories were fetched again', () =>
      ['7000001', '7000002', '7000003'].every((id) => site.oversRequests.slice(before).includes(id)),
    );
  });

  it('keeps a history that came on the socket before the scorecards over an older one fetched after', async () => {
    const other = await browser.newPage();
    await other.setViewport({ width: 390, height: 844 });
    const newer = chase.historyOf(chase.scorecards.slice(0, at + 2));
    const newerNow = newer.innings[1]!.latest;
    site.answerSync = false;
    site.holdScorecards = gate();
    try {
      await other.goto(site.origin, { waitUntil: 'domcontentloaded' });
      await eventually('the new page opened its socket', () => site.openSockets === 2);
      site.send({ type: 'overs', history: newer });
      await painted(other);
      expect(await other.$('#match-7000001')).toBeNull();
      const asked = site.oversRequests.length;
      site.holdScorecards.open();
      await other.waitForSelector('#match-7000001 .worm polyline');
      // The page still fetches (it cannot know the socket's copy is current); the older answer loses.
      await eventually('the page fetched the history too', () =>
        site.oversRequests.slice(asked).includes('7000001'),
      );
      await painted(other);
      expect((await tableRows(other, '#match-7000001 .worm table')).at(-1)?.[2]).toBe(
        score(newerNow.runs, newerNow.wickets),
      );
      expect(isOlder(shownHistory, newer)).toBe(true);
    } finally {
      site.holdScorecards = null;
      site.answerSync = true;
      await other.close();
    }
  });

  it.each([
    [390, 844],
    [1280, 800],
  ])(
    'does not move the page while it loads and fills in at %d×%d: cumulative layout shift at most 0.05',
    async (width, height) => {
      const other = await browser.newPage();
      await other.setViewport({ width, height });
      // Every layout shift from the first paint on, with what moved, so a failure says why.
      await other.evaluateOnNewDocument(() => {
        const w = window as unknown as { shifts: { value: number; moved: string[] }[] };
        w.shifts = [];
        type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as Shift[])
            if (!entry.hadRecentInput)
              w.shifts.push({
                value: entry.value,
                moved: entry.sources.map(
                  (s) => (s.node as Element | null)?.outerHTML?.slice(0, 80) ?? String(s.node),
                ),
              });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const scorecards = (site.holdScorecards = gate());
      const overs = (site.holdOvers = gate());
      site.answerSync = false;
      try {
        await other.bringToFront();
        await other.goto(site.origin, { waitUntil: 'load' });
        expect(await other.$('.board[aria-busy="true"]')).not.toBeNull();
        await painted(other);
        scorecards.open();
        await other.waitForSelector('#match-7000001 .charts');
        await painted(other);
        overs.open();
        await other.waitForSelector('#match-7000001 .worm polyline');
        await other.waitForSelector('#match-7000002 .worm polyline');
        await painted(other);
        const shifts = await other.evaluate(
          () => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts,
        );
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        expect(total, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
      } finally {
        site.holdScorecards = site.holdOvers = null;
        site.answerSync = true;
        await other.close();
      }
    },
  );

  it('dims the figures and the charts with the scores when no news has come for a while', async () => {
    const quiet = await startOversSite({ oversPerSide: OVERS, staleSeconds: 1 });
    const other = await browser.newPage();
    try {
      quiet.scorecards = [shown];
      quiet.histories.set(shown.matchId, shownHistory);
      await other.goto(quiet.origin, { waitUntil: 'load' });
      await other.waitForSelector('#match-7000001 .worm polyline');
      await other.waitForSelector('.board[data-stale]', { timeout: 15_000 });
      const opacity = (selector: string) => other.$eval(selector, (el) => getComputedStyle(el).opacity);
      expect([await opacity('#match-7000001 .charts'), await opacity('#match-7000001 .figures')]).toEqual([
        '0.7',
        '0.7',
      ]);
      expect(await textOf(other, '#live-status .status-label')).toBe('Scores may be out of date');
    } finally {
      await other.close();
      await quiet.close();
    }
  });

  it('saves phone and desktop screenshots with the charts, light and dark', async () => {
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewport({ width, height });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.evaluate(() => window.scrollTo(0, 0));
        await painted(page);
        const name = `${ARTIFACTS_DIR}charts-${width}x${height}-${scheme}`;
        await page.screenshot({ path: `${name}.png` });
        await (await page.$('#match-7000002 .charts'))!.screenshot({ path: `${name}-patchy.png` });
      }
      const sizes = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(sizes[0]).toBe(sizes[1]);
    }
  });
});

/** Wicket dots the worm shows for an innings with every over known: one per over a wicket fell in, plus now. */
function countWicketPoints(
  ends: { runs: number; wickets: number }[],
  now: { legalBalls: number; wickets: number },
): number {
  let dots = 0;
  let down = 0;
  for (const end of ends) {
    if (end.wickets > down) dots++;
    down = end.wickets;
  }
  if (now.legalBalls > ends.length * 6 && now.wickets > down) dots++;
  return dots;
}

/** The deliveries of an over of the chase up to the shown state, as the simulator bowled them. */
function deliveriesOfOver(over: number): string[] {
  const states = chase.timeline.states.slice(0, at + 1);
  const start = states.findIndex((s) => s.innings[1]?.legalBalls === (over - 1) * 6);
  const labels: string[] = [];
  for (let i = start + 1; i < states.length; i++) {
    const [was, now] = [states[i - 1]!.innings[1]!, states[i]!.innings[1]!];
    const legal = now.legalBalls - was.legalBalls;
    const runs = now.runs - was.runs;
    if (now.wickets > was.wickets) labels.push(runs ? `W+${runs}` : 'W');
    else labels.push(legal === 0 ? `+${runs}` : String(runs));
  }
  return labels;
}

/** Whether a history was folded up to an earlier scorecard than another. */
function isOlder(a: OverHistory, b: OverHistory): boolean {
  return Date.parse(a.upTo.capturedAt) < Date.parse(b.upTo.capturedAt) || a.upTo.seq < b.upTo.seq;
}
