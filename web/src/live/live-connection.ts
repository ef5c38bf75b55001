import { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff.ts';

/** The part of the browser's WebSocket the connection uses (a fake in unit tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type ConnectionState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open' }
  | { kind: 'waiting'; attempt: number; retryAt: number }
  | { kind: 'stopped' };

export interface LiveConnectionOptions {
  url: string;
  onMessage(data: unknown): void;
  onStateChange(state: ConnectionState): void;
  /** After every reconnect (not the first open): frames sent while away are lost, so fetch the current cards. */
  onReconnected(): void;
  openSocket?: (url: string) => SocketLike;
  random?: () => number;
  now?: () => number;
  /** API Gateway drops a connection idle for 10 minutes: say something well before. */
  pingIntervalMs?: number;
  /** API Gateway ends every connection at 2 hours: replace it before then, on our schedule. */
  maxConnectionMs?: number;
  backoff?: BackoffOptions;
}

const OPEN = 1;
const PLANNED_RETRY_MS = 60_000;
/** How long a sync request is taken to be on its way before another may be sent. */
const SYNC_ANSWER_WAIT_MS = 2000;

/**
 * One live WebSocket that stays up all afternoon: it asks for the current scorecards when it
 * opens, pings to stay clear of the idle cut, swaps itself for a fresh connection before the
 * two-hour limit (opening the new one before closing the old, so no ball is missed), and after
 * a drop reconnects with exponential backoff and jitter.
 */
export class LiveConnection {
  readonly #options: Required<Omit<LiveConnectionOptions, 'backoff'>> & { backoff: BackoffOptions };
  #socket: SocketLike | null = null;
  #incoming: SocketLike | null = null;
  #attempt = 0;
  #hasOpened = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #replaceTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #state: ConnectionState = { kind: 'stopped' };
  #syncRequestedAt = -Infinity;

  constructor(options: LiveConnectionOptions) {
    this.#options = {
      openSocket: (url) => new WebSocket(url),
      random: Math.random,
      now: Date.now,
      pingIntervalMs: 5 * 60_000,
      maxConnectionMs: 110 * 60_000,
      backoff: DEFAULT_BACKOFF,
      ...options,
    };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  start(): void {
    if (this.#state.kind === 'stopped') this.#open();
  }

  /**
   * The page came back to the foreground or the network returned: retry now rather than at the
   * end of a long backoff, or, if the socket looks open, resync in case frames were missed while asleep.
   */
  nudge(): void {
    if (this.#state.kind === 'waiting') {
      clearTimeout(this.#retryTimer);
      this.#attempt = 0;
      this.#open();
    } else if (this.#state.kind === 'open') {
      this.#send({ action: 'sync' });
      this.#options.onReconnected();
    }
  }

  /**
   * Asks for the current scorecards over the open socket (they come back as full
   * `{ type: "scorecard" }` frames). At most one request per couple of seconds, so a burst
   * of diffs the page cannot apply costs one sync.
   */
  requestSync(): void {
    const now = this.#options.now();
    if (now - this.#syncRequestedAt < SYNC_ANSWER_WAIT_MS) return;
    this.#syncRequestedAt = now;
    this.#send({ action: 'sync' });
  }

  stop(): void {
    this.#clearTimers();
    for (const socket of [this.#socket, this.#incoming]) {
      if (!socket) continue;
      socket.onclose = null;
      socket.close(1000, 'page closed');
    }
    this.#socket = this.#incoming = null;
    this.#setState({ kind: 'stopped' });
  }

  #open(): void {
    const socket = this.#options.openSocket(this.#options.url);
    this.#socket = socket;
    this.#setState({ kind: 'connecting', attempt: this.#attempt });
    socket.onopen = () => {
      if (socket === this.#socket) this.#opened();
    };
    socket.onmessage = (event) => {
      if (socket === this.#socket || socket === this.#incoming) this.#options.onMessage(event.data);
    };
    socket.onclose = () => {
      if (socket === this.#socket) this.#lost();
    };
    socket.onerror = () => {
      /* a close event always follows; reconnecting is handled there */
    };
  }

  #opened(): void {
    const reconnected = this.#hasOpened;
    this.#hasOpened = true;
    this.#attempt = 0;
    this.#setState({ kind: 'open' });
    this.#send({ action: 'sync' });
    clearInterval(this.#pingTimer);
    this.#pingTimer = setInterval(() => this.#send({ action: 'ping' }), this.#options.pingIntervalMs);
    this.#scheduleReplacement(this.#options.maxConnectionMs);
    if (reconnected) this.#options.onReconnected();
  }

  #lost(): void {
    this.#clearTimers();
    this.#socket = null;
    const delay = reconnectDelay(this.#attempt, this.#options.random, this.#options.backoff);
    this.#attempt += 1;
    this.#setState({ kind: 'waiting', attempt: this.#attempt, retryAt: this.#options.now() + delay });
    this.#retryTimer = setTimeout(() => this.#open(), delay);
  }

  #scheduleReplacement(afterMs: number): void {
    clearTimeout(this.#replaceTimer);
    this.#replaceTimer = setTimeout(() => this.#replace(), afterMs);
  }

  /** Make before break: the old socket keeps delivering until the new one is open. */
  #replace(): void {
    const incoming = this.#options.openSocket(this.#options.url);
    this.#incoming = incoming;
    incoming.onmessage = (event) => {
      if (incoming === this.#socket || incoming === this.#incoming) this.#options.onMessage(event.data);
    };
    incoming.onerror = () => {};
    incoming.onclose = () => {
      if (incoming === this.#socket) this.#lost();
      else if (incoming === this.#incoming) {
        this.#incoming = null;
        this.#scheduleReplacement(PLANNED_RETRY_MS);
      }
    };
    incoming.onopen = () => {
      if (incoming !== this.#incoming) return;
      const old = this.#socket;
      this.#socket = incoming;
      this.#incoming = null;
      if (old) {
        old.onclose = null;
        old.close(1000, 'planned reconnect');
      }
      this.#opened();
    };
  }

  #send(message: { action: string }): void {
    if (this.#socket?.readyState === OPEN) this.#socket.send(JSON.stringify(message));
  }

  #clearTimers(): void {
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#replaceTimer);
    clearInterval(this.#pingTimer);
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    this.#options.onStateChange(state);
  }
}
