import type { ScorecardHtml } from '@live-scores/schema';

/**
 * Where the scraper sends what it captured. At-least-once: a send that resolves has been
 * accepted durably; one that rejects must be retried by the caller.
 */
export interface HtmlQueue {
  send(message: ScorecardHtml): Promise<void>;
}
