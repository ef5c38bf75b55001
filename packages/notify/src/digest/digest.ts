import type { NotificationEvent, NotificationKind } from '@live-scores/schema';

/** Kinds that end a match: a digest never holds one back, it goes at once with what waited. */
export const ENDS_MATCH: ReadonlySet<NotificationKind> = new Set(['result', 'abandoned']);

/** The kind a digest shows as (its tag, TTL and urgency): the weightiest of its events. */
const WEIGHT: readonly NotificationKind[] = [
  'result',
  'abandoned',
  'wicket',
  'innings-break',
  'batting-milestone',
  'bowling-milestone',
  'innings-end',
  'play-started',
  'overs',
];

/**
 * One match's events for one supporter, in the order they were told, grouped into pushes:
 * a window opens with the first event and takes every event created within `windowMs` of it;
 * a result or abandonment closes its window at once. Each event id lands in exactly one group
 * (a repeated id is dropped), so no event is missed or sent twice.
 */
export function groupForDigest(
  events: readonly NotificationEvent[],
  windowMs: number,
): NotificationEvent[][] {
  const groups: NotificationEvent[][] = [];
  const seen = new Set<string>();
  let open: { events: NotificationEvent[]; closesAt: number } | null = null;
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const at = Date.parse(event.createdAt);
    if (open === null || at >= open.closesAt) {
      open = { events: [], closesAt: at + windowMs };
      groups.push(open.events);
    }
    open.events.push(event);
    if (ENDS_MATCH.has(event.kind)) open = null;
  }
  return groups;
}

/** A digest push: a NotificationEvent carrying the ids of the events it stands for. */
export type DigestEvent = NotificationEvent & { includes: string[] };

const weightOf = (kind: NotificationKind): number => WEIGHT.indexOf(kind);
const heading = (title: string): string => title.split(' · ')[0] ?? title;

/**
 * One push for a group: a lone event as it is; several as one, e.g. title "1st XI · 2 wickets",
 * body "2 wickets: A Smith b J Thurwell 12, B Jones lbw 0. Scholes 45/5 (12 ov)". Its id is
 * the first event's with a `:digest` suffix, so the same group always gives the same push.
 */
export function digestOf(group: readonly NotificationEvent[]): DigestEvent {
  const [first] = group;
  if (first === undefined) throw new Error('a digest needs at least one event');
  if (group.length === 1) return { ...first, includes: [first.id] };
  const kind = [...group].sort((a, b) => weightOf(a.kind) - weightOf(b.kind))[0]!.kind;
  const wickets = group.filter((e) => e.kind === 'wicket');
  const others = group.filter((e) => e.kind !== 'wicket');
  const wicketLine =
    wickets.length === 0
      ? []
      : [
          `${wickets.length === 1 ? 'Wicket' : `${wickets.length} wickets`}: ${wickets
            .map((w) => w.body.replace(/^WICKET:\s*/, ''))
            .join(', ')}`,
        ];
  const headline = wickets.length > 1 ? `${wickets.length} wickets` : `${group.length} updates`;
  const body = [...wicketLine, ...others.map((e) => e.body)].join('. ');
  return {
    id: `${first.id}:digest`.slice(0, 200),
    matchId: first.matchId,
    teamId: first.teamId,
    kind,
    title: `${heading(first.title)} · ${headline}`.slice(0, 200),
    body: body.length <= 1000 ? body : `${body.slice(0, 999)}…`,
    createdAt: group.at(-1)!.createdAt,
    includes: group.map((e) => e.id),
  };
}
