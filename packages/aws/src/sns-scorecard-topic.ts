import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { scorecardAttributes, type ScorecardTopic } from '@live-scores/core';

export interface SnsScorecardTopicOptions {
  client: SNSClient;
  topicArn: string;
}

/**
 * Publishes each scorecard as JSON with `matchId`, `teamId` and `status` as String message
 * attributes: the game-over subscriptions filter on `status` before anything is delivered.
 */
export function createSnsScorecardTopic(options: SnsScorecardTopicOptions): ScorecardTopic {
  return {
    async publish(scorecard) {
      const attributes = scorecardAttributes(scorecard);
      await options.client.send(
        new PublishCommand({
          TopicArn: options.topicArn,
          Message: JSON.stringify(scorecard),
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes).map(([name, value]) => [
              name,
              { DataType: 'String', StringValue: value },
            ]),
          ),
        }),
      );
    },
  };
}
