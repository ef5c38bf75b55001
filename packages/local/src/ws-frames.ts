import * as ws from 'ws';
import type WebSocket from 'ws';

/** What a server-side `ws` socket exposes of its frame writer (ws 8); checked before use. */
interface FrameWriter {
  _state: number;
  _firstFragment: boolean;
  _extensions: Record<string, unknown>;
  sendFrame(list: Buffer[], cb?: (error?: Error) => void): void;
}

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}

/** ws's own framing (`WebSocket.Sender.frame`), which @types/ws does not describe. */
export const wsSender = (
  ws as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } }
).Sender;

const TEXT = 1;
const IDLE = 0;

/** A complete unmasked text frame (header and payload in one buffer), as a server sends it. */
export function textFrame(text: string): Buffer {
  const parts = wsSender.frame(Buffer.from(text), {
    fin: true,
    opcode: TEXT,
    mask: false,
    readOnly: false,
    rsv1: false,
  });
  return Buffer.concat(parts);
}

export interface FrameCache {
  /** The frame for `text`, built once while the same text keeps coming (one broadcast). */
  of(text: string): { text: string; frame: Buffer };
}

export function createFrameCache(): FrameCache {
  let last: { text: string; frame: Buffer } | undefined;
  return {
    of(text) {
      if (last?.text !== text) last = { text, frame: textFrame(text) };
      return last;
    },
  };
}

function idleWriter(socket: WebSocket): FrameWriter | undefined {
  const writer = (socket as unknown as { _sender?: Partial<FrameWriter> })._sender;
  if (
    writer &&
    typeof writer.sendFrame === 'function' &&
    writer._state === IDLE &&
    writer._firstFragment === true &&
    writer._extensions &&
    Object.keys(writer._extensions).length === 0
  )
    return writer as FrameWriter;
  return undefined;
}

/**
 * Writes a prebuilt frame straight to the socket's frame writer, the step `ws` itself ends
 * with, so nothing is copied or framed per client. A socket that is mid-message, compressing,
 * or from a `ws` without that writer gets the text through `send` instead.
 */
export function writeTextFrame(socket: WebSocket, message: { text: string; frame: Buffer }): void {
  const writer = idleWriter(socket);
  if (writer) writer.sendFrame([message.frame]);
  else socket.send(message.text);
}
