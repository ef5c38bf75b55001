import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { lazy } from '@live-scores/core';

const region = (): string => process.env.AWS_REGION ?? 'eu-west-2';

/*
 * One SDK client per service in the function's region, built on first use and kept for the
 * execution environment, so warm invocations reuse its connections. Each is marked pure: a
 * bundle drops the clients its handler never uses.
 */
export const dynamoDbClient = /* @__PURE__ */ lazy(() => new DynamoDBClient({ region: region() }));
export const s3Client = /* @__PURE__ */ lazy(() => new S3Client({ region: region() }));
export const snsClient = /* @__PURE__ */ lazy(() => new SNSClient({ region: region() }));
export const sqsClient = /* @__PURE__ */ lazy(() => new SQSClient({ region: region() }));
export const ec2Client = /* @__PURE__ */ lazy(() => new EC2Client({ region: region() }));

/** The WebSocket API's management endpoint client, for PostToConnection. */
export const connectionsManagementClient = (endpoint: string): ApiGatewayManagementApiClient =>
  new ApiGatewayManagementApiClient({ region: region(), endpoint });
