import { findFirst, type Document } from './dom.ts';
import { ScorecardParseError } from './errors.ts';

/** Where a page came from: what the caller knows, the rest is read from the page. */
export interface MatchSource {
  url?: string;
  matchId?: string;
  teamId: string;
  capturedAt?: string;
  seq?: number;
}

/**
 * The match URL and id. The caller's values win; a saved whole page names itself in its
 * canonical link or og:url; a fragment does not, so the caller must pass the URL.
 */
export function identifyMatch(document: Document, source: MatchSource): { url: string; matchId: string } {
  const url = source.url ?? pageOwnUrl(document);
  if (!url) {
    throw new ScorecardParseError(
      'the page does not say which match it is: pass --url with the match page URL',
    );
  }
  const matchId = source.matchId ?? matchIdFromUrl(url);
  if (!matchId) {
    throw new ScorecardParseError(
      `no match id in "${url}": pass --url with the match page URL (…/website/results/<id>)`,
    );
  }
  return { url, matchId };
}

/** The last run of digits in the URL's path: `/website/results/6123456` → "6123456". */
export function matchIdFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return undefined;
  }
  return /(\d+)\D*$/.exec(path)?.[1];
}

function pageOwnUrl(document: Document): string | undefined {
  const canonical = findFirst(
    document,
    (e) => e.name === 'link' && /\bcanonical\b/i.test(e.attribs.rel ?? ''),
  );
  const ogUrl = findFirst(document, (e) => e.name === 'meta' && e.attribs.property === 'og:url');
  return (canonical?.attribs.href || ogUrl?.attribs.content)?.trim() || undefined;
}
