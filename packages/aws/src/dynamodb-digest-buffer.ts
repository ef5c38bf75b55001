import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { digestWindowId, type DigestAppend, type DigestBuffer } from '@live-scores/core';
import { NotificationEvent } from '@live-scores/schema';
import { hasErrorName } from './aws-errors.ts';
import { CONDITIONAL_CHECK_FAILED, documentClient } from './document-client.ts';

export interface DynamoDbDigestBufferOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** The item is kept this long after its last write (TTL attribute `expiresAt`). */
  ttlSeconds?: number;
  now?: () => number;
  /** Rounds of read-then-conditional-write when other appends or a close keep winning. */
  maxAttempts?: number;
}

/** The item key of a match's digest windows in the rules table, beside its rules state. */
export const digestKey = (matchId: string): string => `digest#${matchId}`;

const eventAttribute = (eventId: string): string => `e:${eventId}`;
const windowAttribute = (window: string): string => `w:${window}`;

interface StoredWindow {
  dueAt: number;
  /** The events as NotificationEvent JSON, in the order appended. */
  events: string[];
  closed: boolean;
}

type DigestItem = Record<string, unknown> & { openWindow?: string; ended?: boolean };

export class DigestContention extends Error {
  constructor(matchId: string, attempts: number) {
    super(`digest windows of match ${matchId} kept changing under us (${attempts} attempts)`);
    this.name = 'DigestContention';
  }
}

/**
 * A match's digest windows in one rules-table item (`digest#<matchId>`), so that appending
 * and closing are each one conditional UpdateItem on it: `openWindow` names the open window,
 * `w:<window>` holds a window (due time, events, closed), `e:<event id>` the window an event
 * went to (never removed: a redelivered event finds it), `ended` is set by a result. An append
 * reads the item, then writes on condition that the same window is still open and the event
 * is still new, and reads again when it lost. A match tells some tens of events of a few
 * hundred bytes each, far inside DynamoDB's 400 KB item.
 */
export function createDynamoDbDigestBuffer(options: DynamoDbDigestBufferOptions): DigestBuffer {
  const client = documentClient(options.client);
  const TableName = options.tableName;
  const ttlSeconds = options.ttlSeconds ?? 3 * 24 * 3600;
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 20;
  const expiresAt = (): number => Math.floor(now() / 1000) + ttlSeconds;

  const read = async (matchId: string): Promise<DigestItem> =>
    ((await client.send(new GetCommand({ TableName, Key: { pk: digestKey(matchId) }, ConsistentRead: true })))
      .Item as DigestItem | undefined) ?? {};

  const windowOf = (item: DigestItem, window: string): StoredWindow | undefined =>
    item[windowAttribute(window)] as StoredWindow | undefined;

  /** One conditional write; false when its condition lost to another writer. */
  async function tryUpdate(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) {
    try {
      const out = await client.send(new UpdateCommand({ TableName, ReturnValues: 'ALL_NEW', ...input }));
      return out.Attributes as DigestItem;
    } catch (error) {
      if (hasErrorName(error, CONDITIONAL_CHECK_FAILED)) return null;
      throw error;
    }
  }

  return {
    async append(event, at): Promise<DigestAppend> {
      const Key = { pk: digestKey(event.matchId) };
      const ended = at.endsMatch ? ', ended = :true' : '';
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const item = await read(event.matchId);
        const heldIn = item[eventAttribute(event.id)] as string | undefined;
        if (heldIn !== undefined)
          return {
            kind: 'duplicate',
            window: heldIn,
            opened: heldIn === digestWindowId(event),
            dueAt: windowOf(item, heldIn)?.dueAt ?? 0,
            matchEnded: item.ended === true,
          };
        const open = item.openWindow;
        const window = open ?? digestWindowId(event);
        const names = { '#e': eventAttribute(event.id), '#w': windowAttribute(window) };
        const common = {
          ':window': window,
          ':expiresAt': expiresAt(),
          ...(at.endsMatch ? { ':true': true } : {}),
        };
        const written = open
          ? await tryUpdate({
              Key,
              UpdateExpression: `SET #w.events = list_append(#w.events, :event), #e = :window, expiresAt = :expiresAt${ended}`,
              ConditionExpression: 'openWindow = :window AND attribute_not_exists(#e)',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ...common, ':event': [JSON.stringify(event)] },
            })
          : await tryUpdate({
              Key,
              UpdateExpression: `SET openWindow = :window, #w = :opened, #e = :window, expiresAt = :expiresAt${ended}`,
              ConditionExpression: 'attribute_not_exists(openWindow) AND attribute_not_exists(#e)',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: {
                ...common,
                ':opened': { dueAt: at.now + at.windowMs, events: [JSON.stringify(event)], closed: false },
              },
            });
        if (written === null) continue;
        const stored = windowOf(written, window)!;
        return {
          kind: 'appended',
          window,
          opened: open === undefined,
          dueAt: stored.dueAt,
          size: stored.events.length,
          matchEnded: written.ended === true,
        };
      }
      throw new DigestContention(event.matchId, maxAttempts);
    },

    async close(matchId, window) {
      const closed = await tryUpdate({
        Key: { pk: digestKey(matchId) },
        UpdateExpression: 'SET #w.closed = :true, expiresAt = :expiresAt REMOVE openWindow',
        ConditionExpression: 'openWindow = :window',
        ExpressionAttributeNames: { '#w': windowAttribute(window) },
        ExpressionAttributeValues: { ':window': window, ':true': true, ':expiresAt': expiresAt() },
      });
      // Not the open window: closed before (the same events again), or never opened (none).
      const stored = windowOf(closed ?? (await read(matchId)), window);
      return (stored?.events ?? []).map((json) => NotificationEvent.parse(JSON.parse(json)));
    },
  };
}
