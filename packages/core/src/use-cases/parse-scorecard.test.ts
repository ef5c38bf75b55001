import { readFileSync } from 'node:fs';
import type { Scorecard, ScorecardHtml } from '@live-scores/schema';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import { parseScorecard, UnreadablePageError } from './parse-scorecard.ts';

const page = (file: string): string =>
  readFileSync(new URL(`../../../parser/test-pages/${file}`, import.meta.url), 'utf8');

const message = (file: string, seq = 7): ScorecardHtml => ({
  matchId: '6123456',
  teamId: 'firstTeam',
  url: 'https://bradfordcl.play-cricket.com/website/results/6123456',
  capturedAt: '2025-06-14T17:00:00.000Z',
  seq,
  headerHtml: page(file),
  scorecardHtml: '',
});

function recordingTopic(): { published: Scorecard[]; publish(s: Scorecard): Promise<void> } {
  const published: Scorecard[] = [];
  return { published, publish: async (s) => void published.push(s) };
}

describe('parse-scorecard', () => {
  it('publishes the parsed scorecard, keeping the capture time and seq', async () => {
    const topic = recordingTopic();
    const scorecard = await parseScorecard(
      { topic, logger: createMemoryLogger() },
      message('07-won-by-wickets.html', 91),
    );
    expect(topic.published).toEqual([scorecard]);
    expect(scorecard).toMatchObject({ status: 'complete', seq: 91, capturedAt: '2025-06-14T17:00:00.000Z' });
    expect(scorecard.result).toMatch(/WON BY \d+ WICKETS/);
  });

  it('throws for a page that is not a scorecard, logs the reason, and publishes nothing', async () => {
    const topic = recordingTopic();
    const logger = createMemoryLogger();
    const attempt = parseScorecard({ topic, logger }, message('reject-random-page.html'));
    await expect(attempt).rejects.toBeInstanceOf(UnreadablePageError);
    expect(topic.published).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'page did not parse',
        matchId: '6123456',
        reason: expect.any(String),
      }),
    );
  });

  it('throws a one-line reason for a message that is not a ScorecardHtml', async () => {
    const topic = recordingTopic();
    const attempt = parseScorecard({ topic, logger: createMemoryLogger() }, { matchId: 'abc' });
    await expect(attempt).rejects.toThrow(/^not a ScorecardHtml message: matchId: expected the digits/);
    expect(topic.published).toEqual([]);
  });
});
