import type { LiveScorecardMessage, Scorecard } from '@live-scores/schema';
import WebSocket from 'ws';

/** Everything a supporter's open page received, across reconnections, in arrival order. */
export interface PageWatcher {
  readonly frames: Scorecard[];
  /** Connects (again) to a runtime's `/live`; the previous connection, if any, is closed. */
  connect(runtimeUrl: string): Promise<void>;
  close(): void;
}

export function watchPage(): PageWatcher {
  const frames: Scorecard[] = [];
  let socket: WebSocket | undefined;
  return {
    frames,
    async connect(runtimeUrl) {
      socket?.close();
      const next = new WebSocket(`${runtimeUrl.replace('http', 'ws')}/live`);
      next.on('message', (data) => {
        const message = JSON.parse(String(data)) as LiveScorecardMessage;
        if (message.type === 'scorecard') frames.push(message.scorecard);
      });
      await new Promise((resolve, reject) => next.once('open', resolve).once('error', reject));
      socket = next;
    },
    close() {
      socket?.close();
    },
  };
}
