import type { NotificationKind, SubscriptionMode, SubscriptionPreferences } from '@live-scores/schema';

/** The choices a supporter sees, each standing for one or more notification kinds. */
export const KIND_GROUPS = [
  { id: 'wickets', label: 'Wickets', kinds: ['wicket'] },
  {
    id: 'milestones',
    label: 'Fifties, hundreds and five-fors',
    kinds: ['batting-milestone', 'bowling-milestone'],
  },
  { id: 'overs', label: 'Score every few overs', kinds: ['overs'] },
  { id: 'results', label: 'Innings ends and results', kinds: ['innings-end', 'result'] },
  {
    id: 'match-state',
    label: 'Start of play, the target and abandonments',
    kinds: ['play-started', 'innings-break', 'abandoned'],
  },
] as const satisfies readonly { id: string; label: string; kinds: readonly NotificationKind[] }[];

export type KindGroupId = (typeof KIND_GROUPS)[number]['id'];

/** How often the phone may buzz, as the supporter chooses it: one of the subscription modes. */
export const MODES = [
  { id: 'everything', label: 'Everything chosen below' },
  { id: 'key-moments', label: 'Key moments only: wickets, milestones, the start, the target and the result' },
  { id: 'results-only', label: 'Results only' },
] as const satisfies readonly { id: SubscriptionMode; label: string }[];

/**
 * The subscription's preferences for the chosen groups, teams and mode, in a stable order. `teams`
 * is null when the page offers no team choice, which leaves it out: every team, including new ones.
 */
export function preferencesFor(
  teams: readonly string[] | null,
  groups: readonly KindGroupId[],
  mode: SubscriptionMode = 'everything',
): SubscriptionPreferences {
  const kinds = KIND_GROUPS.filter((g) => groups.includes(g.id)).flatMap((g) => [...g.kinds]);
  return teams ? { teams: [...teams], kinds, mode } : { kinds, mode };
}

/** Which groups a stored preference has switched on; absent kinds mean "everything". */
export function groupsIn(preferences: SubscriptionPreferences | undefined): KindGroupId[] {
  const kinds = preferences?.kinds;
  return KIND_GROUPS.filter((g) => !kinds || g.kinds.some((k) => kinds.includes(k))).map((g) => g.id);
}
