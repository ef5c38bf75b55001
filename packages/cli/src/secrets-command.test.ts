import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSecretsCommand } from './secrets-command.ts';

const ssm = mockClient(SSMClient);
let dir: string;
let configFile: string;

const config = (aws: object | undefined) => ({
  club: { name: 'Cleckheaton CC', shortName: 'Cleckheaton', slug: 'cleckheaton' },
  league: { baseUrl: 'https://bradfordcl.play-cricket.com', fixturesPath: '/website/web_pages/315262' },
  teams: [{ id: 'firstTeam', label: '1st XI', fixturesText: 'Cleckheaton CC - 1st XI' }],
  push: { vapidSubject: 'mailto:scores@cleckheatoncc.co.uk' },
  ...(aws ? { aws } : {}),
});

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'live-scores-secrets-'));
  configFile = path.join(dir, 'live-scores.config.json');
  writeFileSync(
    configFile,
    JSON.stringify(config({ region: 'eu-west-2', operatorEmail: 'ops@example.com' })),
  );
});
afterEach(() => {
  ssm.reset();
  vi.restoreAllMocks();
});
afterAll(() => {
  ssm.restore();
  rmSync(dir, { recursive: true, force: true });
});

function captureConsole() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  return { out, err };
}

describe('live-scores secrets put', () => {
  it("writes the value from standard input to the club's SecureString in the config's region", async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    const { out } = captureConsole();
    const code = await runSecretsCommand(['put', 'vapid-private-key', '--config', configFile], {
      readValue: async () => 'the-private-key\n',
    });
    expect(code).toBe(0);
    const [call] = ssm.commandCalls(PutParameterCommand);
    expect(call!.args[0].input).toMatchObject({
      Name: '/live-scores/cleckheaton/vapid-private-key',
      Value: 'the-private-key',
      Type: 'SecureString',
      Overwrite: true,
    });
    expect(await ssm.call(0).thisValue.config.region()).toBe('eu-west-2');
    // The value is never echoed.
    expect(out).toEqual(['wrote /live-scores/cleckheaton/vapid-private-key (version 1)']);
  });

  it('refuses a name that is not one of the stack secrets, without calling SSM', async () => {
    const { err } = captureConsole();
    expect(await runSecretsCommand(['put', 'db-password', '--config', configFile])).toBe(2);
    expect(err).toEqual([
      'live-scores secrets: unknown secret "db-password" (one of vapid-private-key|cms-token|llm-api-key)',
    ]);
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('fails closed, in one line, on a config without an aws section', async () => {
    const noAws = path.join(dir, 'no-aws.json');
    writeFileSync(noAws, JSON.stringify(config(undefined)));
    const { err } = captureConsole();
    const code = await runSecretsCommand(['put', 'cms-token', '--config', noAws], {
      readValue: async () => 't',
    });
    expect(code).toBe(1);
    expect(err).toEqual([`live-scores secrets: ${noAws}: no aws section (region) to write the secret in`]);
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('reports an empty value and an SSM refusal as one line each', async () => {
    const { err } = captureConsole();
    expect(
      await runSecretsCommand(['put', 'cms-token', '--config', configFile], { readValue: async () => '\n' }),
    ).toBe(1);
    ssm
      .on(PutParameterCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    expect(
      await runSecretsCommand(['put', 'cms-token', '--config', configFile], {
        readValue: async () => 'token',
      }),
    ).toBe(1);
    expect(err).toEqual([
      'live-scores secrets: cms-token: the value is empty',
      'live-scores secrets: not authorized',
    ]);
  });
});
