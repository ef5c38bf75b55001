import { describe, expect, it } from 'vitest';
import { lazy, lazyRetrying } from './lazy.ts';

describe('lazy', () => {
  it('builds nothing until asked, then once, whatever the value', () => {
    let builds = 0;
    const value = lazy(() => (builds++, undefined));
    expect(builds).toBe(0);
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(builds).toBe(1);
  });
});

describe('lazyRetrying', () => {
  it('shares one build between callers that ask at once', async () => {
    let builds = 0;
    const value = lazyRetrying(async () => ++builds);
    expect(await Promise.all([value(), value(), value()])).toEqual([1, 1, 1]);
  });

  it('forgets a failed build, so the next call builds again', async () => {
    let builds = 0;
    const value = lazyRetrying(async () => {
      builds++;
      if (builds === 1) throw new Error('parameter store unavailable');
      return 'key';
    });
    await expect(value()).rejects.toThrow('parameter store unavailable');
    expect(await value()).toBe('key');
    expect(await value()).toBe('key');
    expect(builds).toBe(2);
  });
});
