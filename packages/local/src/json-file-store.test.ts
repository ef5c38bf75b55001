import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileStore } from './json-file-store.ts';

const Counter = z.object({ count: z.number() });

describe('JsonFileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'json-file-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the initial value and persists each update for the next process', async () => {
    const path = join(dir, 'nested', 'counter.json');
    const store = new JsonFileStore(path, Counter, () => ({ count: 0 }));
    expect(await store.read()).toEqual({ count: 0 });
    await store.update((c) => ({ value: { count: c.count + 1 }, result: undefined }));
    expect(await new JsonFileStore(path, Counter, () => ({ count: 0 })).read()).toEqual({ count: 1 });
  });

  it('applies concurrent updates one after another, losing none', async () => {
    const store = new JsonFileStore(join(dir, 'counter.json'), Counter, () => ({ count: 0 }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.update((c) => ({ value: { count: c.count + 1 }, result: c.count })),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(JSON.parse(readFileSync(join(dir, 'counter.json'), 'utf8'))).toEqual({ count: 20 });
  });

  it('leaves no temporary files behind', async () => {
    const store = new JsonFileStore(join(dir, 'counter.json'), Counter, () => ({ count: 0 }));
    await store.update(() => ({ value: { count: 5 }, result: undefined }));
    expect(readdirSync(dir)).toEqual(['counter.json']);
  });

  it('refuses a file that is not valid JSON or not the expected shape, naming the file', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"count":');
    await expect(
      new JsonFileStore(join(dir, 'broken.json'), Counter, () => ({ count: 0 })).read(),
    ).rejects.toThrow(`${join(dir, 'broken.json')}: not valid JSON`);
    writeFileSync(join(dir, 'wrong.json'), '{"count":"many"}');
    await expect(
      new JsonFileStore(join(dir, 'wrong.json'), Counter, () => ({ count: 0 })).read(),
    ).rejects.toThrow(/wrong\.json: /);
  });
});
