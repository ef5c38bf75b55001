import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A WebSocket frame as a hostile client may write it: any bit, any length, masked or not. */
export interface RawFrame {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  /** The three reserved bits, as a number 0–7 (RSV1 = 4). */
  rsv?: number;
  /** Clients must mask; false writes an unmasked frame. */
  mask?: boolean;
  /** Claim this payload length instead of the real one (e.g. 2^53). */
  claimedLength?: number;
}

export function encodeFrame(frame: RawFrame): Buffer {
  const payload = frame.payload ?? Buffer.alloc(0);
  const length = frame.claimedLength ?? payload.length;
  const masked = frame.mask ?? true;
  const first = ((frame.fin ?? true) ? 0x80 : 0) | ((frame.rsv ?? 0) << 4) | (frame.opcode & 0x0f);
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  else if (length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8((masked ? 0x80 : 0) | 126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8((masked ? 0x80 : 0) | 127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([header, key, body]);
}

export interface RawWebSocket {
  socket: Socket;
  /** The HTTP status line the server answered the upgrade with. */
  status: string;
  /** Resolves with the close code the server sent (if any) once the connection is closed. */
  closed: Promise<{ code: number | undefined }>;
  write(bytes: Buffer): void;
}

/** The close code of the first close frame (opcode 8) in what the server sent. */
function closeCode(received: Buffer, afterHandshake: number): number | undefined {
  let at = afterHandshake;
  while (at + 2 <= received.length) {
    const opcode = received[at]! & 0x0f;
    let length = received[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = received.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (opcode === 8) return length >= 2 ? received.readUInt16BE(start) : undefined;
    at = start + length;
  }
  return undefined;
}

/**
 * Opens a WebSocket by hand, so a test can then write bytes no well-behaved client would.
 * Resolves once the server has answered the upgrade (whatever the answer).
 */
export function openRawWebSocket(
  port: number,
  path = '/live',
  headers: Record<string, string> = {},
): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let handshakeEnd = -1;
    let settle: (value: { code: number | undefined }) => void = () => undefined;
    const closed = new Promise<{ code: number | undefined }>((r) => (settle = r));
    socket.on('error', () => undefined);
    socket.on('close', () =>
      settle({ code: handshakeEnd < 0 ? undefined : closeCode(received, handshakeEnd) }),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (handshakeEnd >= 0) {
        // The server's close frame is its answer; the TCP close may follow later.
        const code = closeCode(received, handshakeEnd);
        if (code !== undefined) settle({ code });
        return;
      }
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      handshakeEnd = end + 4;
      const status = received.subarray(0, received.indexOf('\r\n')).toString();
      resolve({ socket, status, closed, write: (bytes) => void socket.write(bytes) });
    });
    socket.once('connect', () => {
      const extra = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
      );
    });
    socket.once('close', () => {
      if (handshakeEnd < 0) reject(new Error('closed before the upgrade was answered'));
    });
  });
}
