import WebSocket from 'ws';
import { serveRequests } from './child-process.ts';

/** A swarm of live-page WebSocket clients in its own process, timing when each frame lands and counting its bytes. */
const sockets: WebSocket[] = [];
let arrivals: number[] = [];
let receivedBytes = 0;

const now = (): number => performance.timeOrigin + performance.now();

function open(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.on('message', (data: Buffer) => {
      arrivals.push(now());
      receivedBytes += data.length;
    });
    socket.once('open', () => {
      sockets.push(socket);
      resolve();
    });
    socket.once('error', reject);
  });
}

serveRequests(async (message) => {
  const request = message as
    | { type: 'open'; url: string; count: number }
    | { type: 'arm' }
    | { type: 'collect'; expected: number; timeoutMs: number }
    | { type: 'close' };
  switch (request.type) {
    case 'open':
      for (let opened = 0; opened < request.count; opened += 250) {
        await Promise.all(
          Array.from({ length: Math.min(250, request.count - opened) }, () => open(request.url)),
        );
      }
      return sockets.length;
    case 'arm':
      arrivals = [];
      receivedBytes = 0;
      return 0;
    case 'collect': {
      const deadline = Date.now() + request.timeoutMs;
      while (arrivals.length < request.expected && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      return { arrivals, bytes: receivedBytes };
    }
    case 'close':
      for (const socket of sockets) socket.terminate();
      return sockets.length;
  }
});
