/** One entry of the fall-of-wickets text: "3-45 (A Deegan, 12.2 ov)" → wicket 3 at 45. */
export interface FallOfWicket {
  wicket: number;
  runs: number;
  /** What the brackets hold: the overs, sometimes the batter's name too. */
  detail: string;
}

const ENTRY = /(\d{1,2})\s*-\s*(\d{1,4})\s*(?:\(([^)]*)\))?/g;

/** The site's free text, e.g. "1-8 (2.3), 2-31 (9.1)"; anything unreadable is skipped. */
export function parseFallOfWickets(text: string): FallOfWicket[] {
  return [...text.matchAll(ENTRY)].map((m) => ({
    wicket: Number(m[1]),
    runs: Number(m[2]),
    detail: (m[3] ?? '').trim(),
  }));
}

/**
 * Orders batters dismissed in one update as they fell. The fall of wickets decides when it names
 * every one of them exactly once; otherwise (the usual "1-8 (2.3)" form names nobody) the
 * batting order stands, which is the order they arrive in.
 */
export function orderByFall<T extends { name: string }>(batters: readonly T[], fallOfWickets: string): T[] {
  const entries = parseFallOfWickets(fallOfWickets);
  const wicketOf = batters.map((b) => {
    const naming = entries.filter((e) => mentions(e.detail, b.name));
    return naming.length === 1 ? naming[0]!.wicket : undefined;
  });
  if (wicketOf.some((w) => w === undefined)) return [...batters];
  return batters
    .map((batter, i) => ({ batter, wicket: wicketOf[i]! }))
    .sort((a, b) => a.wicket - b.wicket)
    .map((x) => x.batter);
}

function mentions(detail: string, name: string): boolean {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped !== '' && new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(detail);
}
