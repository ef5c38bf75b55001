import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection, type ConnectionState, type SocketLike } from './live-connection.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  receive(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('the live connection', () => {
  let sockets: FakeSocket[];
  let states: ConnectionState['kind'][];
  let messages: unknown[];
  let reconnects: number;
  let connection: LiveConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    states = [];
    messages = [];
    reconnects = 0;
    connection = new LiveConnection({
      url: 'ws://scores.test/live',
      openSocket: () => sockets[sockets.push(new FakeSocket()) - 1] as FakeSocket,
      onMessage: (data) => messages.push(data),
      onStateChange: (state) => states.push(state.kind),
      onReconnected: () => reconnects++,
      random: () => 0.5,
      now: () => Date.now(),
    });
  });

  afterEach(() => {
    connection.stop();
    vi.useRealTimers();
  });

  it('asks for the current scorecards as soon as it opens', () => {
    connection.start();
    sockets[0]?.open();
    expect(sockets[0]?.sent).toEqual(['{"action":"sync"}']);
    expect(states).toEqual(['connecting', 'open']);
    expect(reconnects).toBe(0);
  });

  it('pings every five minutes to stay inside the idle timeout', () => {
    connection.start();
    sockets[0]?.open();
    vi.advanceTimersByTime(10 * 60_000);
    expect(sockets[0]?.sent).toEqual(['{"action":"sync"}', '{"action":"ping"}', '{"action":"ping"}']);
  });

  it('reconnects with growing delays after drops, then resyncs', () => {
    connection.start();
    sockets[0]?.open();
    sockets[0]?.drop();
    vi.advanceTimersByTime(749);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.drop();
    vi.advanceTimersByTime(1499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sockets[2]?.open();
    expect(reconnects).toBe(1);
    expect(states).toEqual(['connecting', 'open', 'waiting', 'connecting', 'waiting', 'connecting', 'open']);
  });

  it('replaces the connection before the two-hour limit, closing the old one only once the new one is open', () => {
    connection.start();
    sockets[0]?.open();
    vi.advanceTimersByTime(110 * 60_000);
    expect(sockets).toHaveLength(2);
    sockets[0]?.receive('still delivering');
    expect(sockets[0]?.closedWith).toBeUndefined();
    sockets[1]?.open();
    expect(sockets[0]?.closedWith).toBe(1000);
    expect(sockets[1]?.sent).toEqual(['{"action":"sync"}']);
    expect(messages).toEqual(['still delivering']);
    expect(states.at(-1)).toBe('open');
  });

  it('retries at once when nudged while waiting (page back in view, network back)', () => {
    connection.start();
    sockets[0]?.drop();
    connection.nudge();
    expect(sockets).toHaveLength(2);
  });
});
