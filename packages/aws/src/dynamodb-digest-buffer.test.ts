import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationEvent } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbDigestBuffer, DigestContention } from './dynamodb-digest-buffer.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

const NOW = Date.parse('2025-06-14T13:05:00.000Z');
const digests = createDynamoDbDigestBuffer({
  client: new DynamoDBClient({ region: 'eu-west-2' }),
  tableName: 'rules',
  ttlSeconds: 3600,
  now: () => NOW,
  maxAttempts: 3,
});
const event: NotificationEvent = {
  id: '6123456:1:wicket:3',
  matchId: '6123456',
  teamId: 'firstTeam',
  kind: 'wicket',
  title: '1st XI · Wicket',
  body: 'WICKET: A Smith b J Thurwell 12',
  createdAt: '2025-06-14T13:04:40.000Z',
};
const AT = { now: NOW, windowMs: 90_000, endsMatch: false };
const lost = () => new ConditionalCheckFailedException({ message: 'lost', $metadata: {} });
const window = 'digest:6123456:1:wicket:3';
const stored = { dueAt: NOW + 90_000, events: [JSON.stringify(event)], closed: false };

describe('digest windows in the rules table: the commands', () => {
  it('opens a window with one conditional UpdateItem on the match item, after a consistent read', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({ Attributes: { openWindow: window, [`w:${window}`]: stored } });

    expect(await digests.append(event, AT)).toEqual({
      kind: 'appended',
      window,
      opened: true,
      dueAt: NOW + 90_000,
      size: 1,
      matchEnded: false,
    });
    expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: 'rules',
      Key: { pk: 'digest#6123456' },
      ConsistentRead: true,
    });
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({
      TableName: 'rules',
      ReturnValues: 'ALL_NEW',
      Key: { pk: 'digest#6123456' },
      UpdateExpression: 'SET openWindow = :window, #w = :opened, #e = :window, expiresAt = :expiresAt',
      ConditionExpression: 'attribute_not_exists(openWindow) AND attribute_not_exists(#e)',
      ExpressionAttributeNames: { '#e': `e:${event.id}`, '#w': `w:${window}` },
      ExpressionAttributeValues: {
        ':window': window,
        ':expiresAt': NOW / 1000 + 3600,
        ':opened': stored,
      },
    });
  });

  it('reads again when another writer won, and joins the window that writer opened', async () => {
    const other = 'digest:6123456:1:overs:10';
    dynamo
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { openWindow: other, [`w:${other}`]: { ...stored, events: ['{}'] } } });
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(lost())
      .resolves({ Attributes: { openWindow: other, [`w:${other}`]: { ...stored, events: ['{}', '{}'] } } });

    expect(await digests.append(event, { ...AT, endsMatch: true })).toMatchObject({
      window: other,
      opened: false,
      size: 2,
    });
    const second = dynamo.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(second.UpdateExpression).toBe(
      'SET #w.events = list_append(#w.events, :event), #e = :window, expiresAt = :expiresAt, ended = :true',
    );
    expect(second.ConditionExpression).toBe('openWindow = :window AND attribute_not_exists(#e)');
  });

  it('gives up with DigestContention when it keeps losing', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(UpdateCommand).rejects(lost());
    await expect(digests.append(event, AT)).rejects.toBeInstanceOf(DigestContention);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(3);
  });

  it('closes the open window in one write, and reads a window closed before back', async () => {
    dynamo.on(UpdateCommand).rejects(lost());
    dynamo.on(GetCommand).resolves({ Item: { [`w:${window}`]: { ...stored, closed: true } } });
    expect(await digests.close('6123456', window)).toEqual([event]);
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      UpdateExpression: 'SET #w.closed = :true, expiresAt = :expiresAt REMOVE openWindow',
      ConditionExpression: 'openWindow = :window',
    });
  });
});
