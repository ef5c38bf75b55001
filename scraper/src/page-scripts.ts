/**
 * Code that runs inside the match page. Kept as source text rather than functions so that
 * what reaches the browser is exactly what is written here, whatever the TypeScript
 * transpiler adds to named functions.
 */

export const HEADER_SELECTOR = '.container.main-header';
export const SCORECARD_TAB_SELECTOR = '#nvScorecardTab-tab';
export const SCORECARD_SELECTOR = '#nvScorecardTab';

/** The name of the Node function the page calls when the header or scorecard changed. */
export const CHANGE_BINDING = '__liveScoresChanged';

/** What one read of the page returns. */
export interface PageSnapshot {
  headerHtml: string;
  scorecardHtml: string;
  /** `.match-status` text, trimmed; "" when absent or empty. */
  status: string;
  hasScorecardTab: boolean;
}

/** Clicks a `<button>` reading ACCEPT (the cookie banner); true when there was one. */
export const ACCEPT_COOKIES = `(() => {
  const button = [...document.querySelectorAll('button')]
    .find((b) => (b.textContent || '').trim().toUpperCase() === 'ACCEPT');
  if (!button) return false;
  button.click();
  return true;
})()`;

/** Opens the scorecard tab; true when the tab was there to click. */
export const OPEN_SCORECARD_TAB = `(() => {
  const tab = document.querySelector(${JSON.stringify(SCORECARD_TAB_SELECTOR)});
  if (!tab) return false;
  tab.click();
  return true;
})()`;

export const READ_SNAPSHOT = `(() => {
  const header = document.querySelector(${JSON.stringify(HEADER_SELECTOR)});
  const scorecard = document.querySelector(${JSON.stringify(SCORECARD_SELECTOR)});
  const status = header ? header.querySelector('.match-status') : null;
  return {
    headerHtml: header ? header.outerHTML : '',
    scorecardHtml: scorecard ? scorecard.outerHTML : '',
    status: status ? (status.textContent || '').trim() : '',
    hasScorecardTab: !!document.querySelector(${JSON.stringify(SCORECARD_TAB_SELECTOR)}),
  };
})()`;

/**
 * Watches the header and the scorecard (every attribute, text and child change), and the
 * body for either of them being replaced or appearing late, in which case the inner
 * observer moves to the new nodes. Each mutation batch calls the Node binding once;
 * coalescing happens on the Node side. Installing twice replaces the earlier observers.
 */
export const INSTALL_OBSERVER = `(() => {
  if (window.__liveScoresObserver) window.__liveScoresObserver.disconnect();
  const pick = () => [
    document.querySelector(${JSON.stringify(HEADER_SELECTOR)}),
    document.querySelector(${JSON.stringify(SCORECARD_SELECTOR)}),
  ];
  const notify = () => { window[${JSON.stringify(CHANGE_BINDING)}]().catch(() => {}); };
  let watched = [null, null];
  const inner = new MutationObserver(notify);
  const attach = () => {
    inner.disconnect();
    watched = pick();
    for (const node of watched) {
      if (node) inner.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  };
  const outer = new MutationObserver(() => {
    const now = pick();
    if (now[0] !== watched[0] || now[1] !== watched[1]) { attach(); notify(); }
  });
  attach();
  outer.observe(document.body, { childList: true, subtree: true });
  window.__liveScoresObserver = { disconnect: () => { inner.disconnect(); outer.disconnect(); } };
})()`;

/** A finished match: `.match-status` holds result words rather than IN PROGRESS. */
export function isCompleteStatus(status: string): boolean {
  const words = status.trim().toUpperCase();
  return words !== '' && words !== 'IN PROGRESS';
}
