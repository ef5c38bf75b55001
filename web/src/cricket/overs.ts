/** Balls in an over; the league plays six-ball overs. */
export const BALLS_PER_OVER = 6;

/**
 * Balls bowled for overs as the scorer writes them: "38.2" is 38 overs and 2 balls (230 balls),
 * never a decimal fraction. Returns null for text that is not overs.
 */
export function oversToBalls(overs: string): number | null {
  const match = /^(\d{1,3})(?:\.([0-5]))?$/.exec(overs.trim());
  if (!match) return null;
  return Number(match[1]) * BALLS_PER_OVER + Number(match[2] ?? 0);
}
