/** A live page's connection, as the connections store keeps it. */
export interface Connection {
  connectionId: string;
  /** When it connected (ISO); the store expires entries a few hours after this. */
  connectedAt: string;
}

export interface ConnectionPage {
  connections: Connection[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/**
 * Where live pages' connections are kept. `add` and `remove` are idempotent, so a
 * redelivered connect or disconnect event is harmless. Listing is a snapshot in pages: a
 * connection made mid-listing may be missed (it will sync on open anyway).
 */
export interface ConnectionStore {
  add(connection: Connection): Promise<void>;
  remove(connectionId: string): Promise<void>;
  listPage(cursor?: string, limit?: number): Promise<ConnectionPage>;
}

/** `gone`: the peer has left for good (API Gateway 410); anything else may succeed later. */
export type ConnectionSendOutcome = 'sent' | 'gone' | 'failed';

/**
 * Sends one text frame to one connection. No ordering between connections; a resolved
 * `sent` means the frame was handed to the transport, not that the page has read it.
 */
export interface ConnectionSender {
  send(connectionId: string, data: string): Promise<ConnectionSendOutcome>;
}
