import { setTimeout as delay } from 'node:timers/promises';
import type { HtmlQueue, Logger } from '@live-scores/core';
import type { ScorecardHtml } from '@live-scores/schema';
import { type Backoff, backoffDelay } from './backoff.ts';

interface Pending {
  message: ScorecardHtml;
  onDelivered?: () => void;
}

/**
 * One match's outbox: sends its messages in order, retrying a failed send with capped
 * exponential backoff. Each match has its own, so a queue outage for one message never
 * holds up another match's messages.
 */
export class Delivery {
  private readonly pending: Pending[] = [];
  private running = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly queue: HtmlQueue,
    private readonly retry: Backoff,
    private readonly logger: Logger,
  ) {}

  /** Queues a message; `onDelivered` runs once the queue has accepted it. */
  enqueue(message: ScorecardHtml, onDelivered?: () => void): void {
    if (this.abort.signal.aborted) return;
    this.pending.push({ message, onDelivered });
    if (!this.running) void this.drain();
  }

  /** Messages not yet accepted by the queue. */
  get backlog(): number {
    return this.pending.length;
  }

  /** Stops sending; whatever is still pending is reported and dropped. */
  close(): void {
    if (this.pending.length > 0) {
      this.logger.warn('undelivered messages dropped at shutdown', {
        count: this.pending.length,
        seqs: this.pending.map((p) => p.message.seq),
      });
    }
    this.pending.length = 0;
    this.abort.abort();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0 && !this.abort.signal.aborted) {
        const next = this.pending[0] as Pending;
        await this.sendWithRetry(next.message);
        if (this.abort.signal.aborted) return;
        this.pending.shift();
        next.onDelivered?.();
      }
    } catch {
      // Only an abort (shutdown) ends the retries.
    } finally {
      this.running = false;
    }
  }

  private async sendWithRetry(message: ScorecardHtml): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.queue.send(message);
        if (attempt > 0)
          this.logger.info('send succeeded after retry', { seq: message.seq, attempts: attempt + 1 });
        return;
      } catch (error) {
        const waitMs = backoffDelay(attempt, this.retry);
        this.logger.warn('send failed; retrying', { seq: message.seq, attempt: attempt + 1, waitMs, error });
        await delay(waitMs, undefined, { signal: this.abort.signal });
      }
    }
  }
}
