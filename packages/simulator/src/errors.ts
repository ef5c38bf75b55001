/** A match id the site does not have (HTTP 404 on the control routes). */
export class UnknownMatchError extends Error {
  constructor(matchId: string) {
    super(`no match ${matchId} on this site`);
    this.name = 'UnknownMatchError';
  }
}
