/**
 * Why a page could not be read as a scorecard. `reason` is one line, fit for a CLI exit
 * message, an HTTP 400 or a dead-letter log; the parser never returns a half-filled object.
 */
export class ScorecardParseError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'ScorecardParseError';
    this.reason = reason;
  }
}
