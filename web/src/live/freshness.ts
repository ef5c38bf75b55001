/**
 * Whether the page's scores may be out of date: only while a match is being played (a finished
 * or unstarted match is not expected to change) and nothing has arrived for `staleAfterMs`.
 */
export function isStale(input: {
  lastUpdateAt: number | null;
  now: number;
  staleAfterMs: number;
  anyInProgress: boolean;
}): boolean {
  if (!input.anyInProgress || input.lastUpdateAt == null) return false;
  return input.now - input.lastUpdateAt > input.staleAfterMs;
}

/** "updated just now", "updated 12 s ago", "updated 5 min ago", "updated 2 h ago". */
export function updatedAgo(lastUpdateAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - lastUpdateAt) / 1000));
  if (seconds < 5) return 'updated just now';
  if (seconds < 60) return `updated ${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `updated ${minutes} min ago`;
  return `updated ${Math.floor(minutes / 60)} h ago`;
}
