import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scorecard as sampleScorecard } from '@live-scores/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileBroadcastWatermark, createMemoryBroadcastWatermark } from './broadcast-watermark.ts';

const dir = mkdtempSync(join(tmpdir(), 'local-watermark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.parse('2025-06-14T13:00:00.000Z');
/** The `seq`-th capture, twenty seconds apart. */
const capture = (seq: number) => ({ capturedAt: new Date(START + seq * 20_000).toISOString(), seq });

describe('the broadcast watermark', () => {
  it('admits newer and equal captures and refuses older ones', async () => {
    const watermark = createMemoryBroadcastWatermark();
    const answers = [];
    for (const seq of [303, 304, 304, 303, 305])
      answers.push((await watermark.advance('6123456', capture(seq))).advanced);
    expect(answers).toEqual([true, true, true, false, true]);
  });

  it('keeps one mark per match', async () => {
    const watermark = createMemoryBroadcastWatermark();
    await watermark.advance('6123456', capture(9));
    expect((await watermark.advance('6999999', capture(1))).advanced).toBe(true);
    expect((await watermark.advance('6123456', capture(1))).advanced).toBe(false);
  });

  it('never moves backwards when many advances race, and ends at the newest', async () => {
    const watermark = createMemoryBroadcastWatermark();
    const seqs = [7, 2, 9, 4, 9, 1, 8, 3, 6, 5, 0, 9];
    const admitted: number[] = [];
    await Promise.all(
      seqs.map(async (seq) => {
        if ((await watermark.advance('6123456', capture(seq))).advanced) admitted.push(seq);
      }),
    );
    expect(admitted).toEqual([7, 9, 9, 9]);
    expect((await watermark.advance('6123456', capture(8))).advanced).toBe(false);
    expect((await watermark.advance('6123456', capture(9))).advanced).toBe(true);
  });

  it('hands back the scorecard it held, as the base of the next diff, and none after an older one is refused', async () => {
    const watermark = createMemoryBroadcastWatermark();
    const first = { ...sampleScorecard(), ...capture(303) };
    const second = { ...sampleScorecard(), ...capture(304) };
    expect(await watermark.advance('6123456', capture(303), first)).toEqual({ advanced: true });
    expect(await watermark.advance('6123456', capture(304), second)).toEqual({
      advanced: true,
      previous: first,
    });
    expect(await watermark.advance('6123456', capture(303), first)).toEqual({ advanced: false });
    expect(await watermark.advance('6123456', capture(305))).toEqual({ advanced: true, previous: second });
    expect(await watermark.advance('6123456', capture(306))).toEqual({ advanced: true });
  });

  it('remembers the mark across a restart when kept in a file', async () => {
    const path = join(dir, 'broadcast-watermarks.json');
    await createFileBroadcastWatermark(path).advance('6123456', capture(304));

    const reopened = createFileBroadcastWatermark(path);
    expect((await reopened.advance('6123456', capture(303))).advanced).toBe(false);
    expect((await reopened.advance('6123456', capture(304))).advanced).toBe(true);
  });
});
