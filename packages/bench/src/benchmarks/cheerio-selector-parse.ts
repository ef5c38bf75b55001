import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

/*
 * The baseline the parser is compared with: a match page read the straightforward way, with
 * cheerio's default loader and a CSS selector query per value, as the original service did.
 * It reads the same values as the project's parser (no validation), so the comparison is of
 * the reading alone plus whatever the project's parser does on top.
 */

const text = ($: CheerioAPI, node: AnyNode, selector: string): string =>
  $(node).find(selector).first().text().replace(/\s+/g, ' ').trim();
const count = (value: string): number | null => (value === '' ? null : Number(value));

export function parseWithCheerioSelectors(html: string) {
  const $ = load(html);
  const status = $('.container.main-header .match-status').first().text().replace(/\s+/g, ' ').trim();
  const teams = $('#nvScorecardTab .nvp-innings__tab-team')
    .map((_, el) => $(el).text().trim())
    .get();
  const innings = $('#nvScorecardTab .nvp-innings__tab-content')
    .map((i, content) => {
      const rows = $(content).find('.nvp-scorecard__table-row');
      const batting = rows
        .filter((_, row) => $(row).find('.nvp-scorecard__batsmen').length > 0)
        .map((_, row) => ({
          name: text($, row, '.nvp-scorecard__batsmen'),
          howOut: $(row)
            .find('.nvp-scorecard__event_icon, .nvp-scorecard__event_copy')
            .map((_, part) => $(part).text().trim())
            .get()
            .join(' '),
          runs: count(text($, row, '.nvp-scorecard__runs')),
          balls: count(text($, row, '.nvp-scorecard__balls')),
          minutes: count(text($, row, '.nvp-scorecard__mins')),
          fours: count(text($, row, '.nvp-scorecard__fours')),
          sixes: count(text($, row, '.nvp-scorecard__sixes')),
          strikeRate: count(text($, row, '.nvp-scorecard__strikerate')),
        }))
        .get();
      const bowling = rows
        .filter((_, row) => $(row).find('.nvp-scorecard__bowler').length > 0)
        .map((_, row) => ({
          name: text($, row, '.nvp-scorecard__bowler'),
          overs: text($, row, '.nvp-scorecard__overs'),
          maidens: count(text($, row, '.nvp-scorecard__maidens')),
          runs: count(text($, row, '.nvp-scorecard__runs')),
          wickets: count(text($, row, '.nvp-scorecard__wickets')),
          wides: count(text($, row, '.nvp-scorecard__wides')),
          noBalls: count(text($, row, '.nvp-scorecard__no-balls')),
          economy: count(text($, row, '.nvp-scorecard__economy-rate')),
        }))
        .get();
      const info = $(content).find('.nvp-scorecard__bottom-info--right').children();
      return {
        team: teams[i] ?? '',
        batting,
        extras: count(info.first().find('span').text().trim()),
        totalText: info.last().find('span').text().replace(/\s+/g, ' ').trim(),
        fallOfWickets: $(content).find('.nvp-scorecard__fall p').text().replace(/\s+/g, ' ').trim(),
        bowling,
      };
    })
    .get();
  return { status, innings };
}
