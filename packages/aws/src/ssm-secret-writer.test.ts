import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { secretParameterName } from './secret-parameters.ts';
import { createSsmSecretWriter } from './ssm-secret-writer.ts';

const ssm = mockClient(SSMClient);
afterEach(() => ssm.reset());
afterAll(() => ssm.restore());

const writer = createSsmSecretWriter({
  client: new SSMClient({ region: 'eu-west-2' }),
  clubSlug: 'cleckheaton',
});

describe('writing the stack secrets to Parameter Store', () => {
  it('puts the value as an overwritten SecureString under the club path', async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 3 });
    expect(await writer.put('vapid-private-key', 'the-private-key')).toEqual({
      name: '/live-scores/cleckheaton/vapid-private-key',
      version: 3,
    });
    expect(ssm.commandCalls(PutParameterCommand).map((call) => call.args[0].input)).toEqual([
      {
        Name: '/live-scores/cleckheaton/vapid-private-key',
        Value: 'the-private-key',
        Type: 'SecureString',
        Overwrite: true,
        Description: 'live scores vapid-private-key (written by live-scores secrets put)',
      },
    ]);
  });

  it('refuses an empty value without calling SSM', async () => {
    await expect(writer.put('cms-token', ' \n')).rejects.toThrow('cms-token: the value is empty');
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('passes an SSM refusal on', async () => {
    ssm.on(PutParameterCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: ssm:PutParameter'), {
        name: 'AccessDeniedException',
      }),
    );
    await expect(writer.put('cms-token', 'token')).rejects.toThrow('not authorized');
  });

  it('names the secrets the way the stack grants them', () => {
    expect(secretParameterName('cleckheaton', 'cms-token')).toBe('/live-scores/cleckheaton/cms-token');
  });
});
