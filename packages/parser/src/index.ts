export { parseMatchPage, parseScorecardHtml } from './match-page.ts';
export { parseFixturesPage, type FixtureLink, type FixturesPageOptions } from './fixtures-page.ts';
export { parseTotal } from './total.ts';
export { ScorecardParseError } from './errors.ts';
export { matchIdFromUrl, type MatchSource } from './match-source.ts';
