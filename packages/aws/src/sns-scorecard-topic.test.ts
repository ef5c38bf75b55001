import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Scorecard } from '@live-scores/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createSnsScorecardTopic } from './sns-scorecard-topic.ts';

const scorecard: Scorecard = {
  schemaVersion: 1,
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2025-06-14T17:02:00.000Z',
  seq: 412,
  status: 'complete',
  result: 'Cleckheaton WON BY 8 WICKETS',
  innings: [],
};

describe('the SNS scorecard topic', () => {
  it('publishes the scorecard JSON with matchId, teamId and status as String message attributes', async () => {
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const topicArn = 'arn:aws:sns:eu-west-2:123456789012:live-scores-scorecards';

    await createSnsScorecardTopic({ client: new SNSClient({ region: 'eu-west-2' }), topicArn }).publish(
      scorecard,
    );

    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toEqual({
      TopicArn: topicArn,
      Message: JSON.stringify(scorecard),
      MessageAttributes: {
        matchId: { DataType: 'String', StringValue: '6123456' },
        teamId: { DataType: 'String', StringValue: 'firstTeam' },
        status: { DataType: 'String', StringValue: 'complete' },
      },
    });
    sns.restore();
  });
});
