import { NotificationKind } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { KIND_GROUPS, groupsIn, preferencesFor } from './preferences.ts';

describe('notification choices', () => {
  it('cover every notification kind exactly once', () => {
    const kinds = KIND_GROUPS.flatMap((g) => [...g.kinds]);
    expect([...kinds].sort()).toEqual([...NotificationKind.options].sort());
  });

  it('turn chosen groups and teams into subscription preferences', () => {
    expect(preferencesFor(['firstTeam'], ['wickets', 'results'])).toEqual({
      teams: ['firstTeam'],
      kinds: ['wicket', 'innings-end', 'result'],
      mode: 'everything',
    });
    expect(preferencesFor(null, ['milestones'], 'key-moments')).toEqual({
      kinds: ['batting-milestone', 'bowling-milestone'],
      mode: 'key-moments',
    });
  });

  it('read back the groups of stored preferences, all of them when kinds are absent', () => {
    expect(groupsIn({ kinds: ['overs', 'result'] })).toEqual(['overs', 'results']);
    expect(groupsIn({})).toEqual(['wickets', 'milestones', 'overs', 'results', 'match-state']);
  });
});
