import {
  receiveLiveMessage,
  type LiveMessage,
  type LiveOversMessage,
  type Scorecard,
} from '@live-scores/schema';
import WebSocket from 'ws';

/** Every card a supporter's open page held (full, or rebuilt from a diff), across reconnections, in arrival order. */
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
      const cards = new Map<string, Scorecard>();
      next.on('message', (data) => {
        const frame = JSON.parse(String(data)) as LiveMessage | LiveOversMessage;
        // The over history is not a scorecard: it neither makes a card nor leaves a gap.
        if (frame.type === 'overs') return;
        const card = receiveLiveMessage(cards, frame);
        if (card === 'gap') next.send(JSON.stringify({ action: 'sync' }));
        else frames.push(card);
      });
      await new Promise((resolve, reject) => next.once('open', resolve).once('error', reject));
      socket = next;
    },
    close() {
      socket?.close();
    },
  };
}
