import { describe, expect, it } from 'vitest';
import type { ConnectionSender, ConnectionStore } from '../ports/connections.ts';
import { scorecardAt } from '../testing/delivery-fixtures.ts';
import { syncConnection } from './sync-connection.ts';

/** A connection store that only records removals: sync never adds or lists. */
function removals(): ConnectionStore & { removed: string[] } {
  const removed: string[] = [];
  return {
    removed,
    add: async () => undefined,
    remove: async (id) => void removed.push(id),
    listPage: async () => ({ connections: [] }),
  };
}

describe('syncing a page that has just connected', () => {
  const first = scorecardAt(4, 1, 'firstTeam');
  const second = scorecardAt(2, 0, 'secondTeam');
  const scorecards = { list: async () => [first, second] };

  it('sends each current scorecard as a { type: "scorecard" } frame', async () => {
    const frames: string[] = [];
    const sender: ConnectionSender = { send: async (_id, data) => (frames.push(data), 'sent') };
    const connections = removals();
    expect(await syncConnection({ scorecards, sender, connections }, 'abc=')).toBe(2);
    expect(frames.map((f) => JSON.parse(f))).toEqual([
      { type: 'scorecard', scorecard: first },
      { type: 'scorecard', scorecard: second },
    ]);
    expect(connections.removed).toEqual([]);
  });

  it('forgets a connection that has gone before the reply', async () => {
    const connections = removals();
    const sender: ConnectionSender = { send: async () => 'gone' };
    expect(await syncConnection({ scorecards, sender, connections }, 'abc=')).toBe(0);
    expect(connections.removed).toEqual(['abc=']);
  });
});
