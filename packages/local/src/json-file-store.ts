import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Anything that can check a parsed value: a zod schema fits. */
export interface ValueSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/**
 * One JSON document held in memory and, for the file version, on disk. Updates are applied
 * one at a time in call order, so read-modify-write needs no further locking in-process.
 */
export interface JsonDocument<T> {
  read(): Promise<T>;
  /** Applies `change` to the current value and stores the result; resolves with what `change` returned alongside. */
  update<R>(change: (current: T) => { value: T; result: R }): Promise<R>;
}

/** A document that lives only as long as the process (tests, `--memory` runs). */
export function createMemoryDocument<T>(initial: T): JsonDocument<T> {
  let value = initial;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: async () => value,
    update(change) {
      const next = queue.then(() => {
        const out = change(value);
        value = out.value;
        return out.result;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** State files hold supporters' endpoints and keys: readable by this user only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and its parents) readable by this user only. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Flushes a directory's entries to disk: after a rename, the new name is durable only once
 * its directory is, so without this a power cut can bring back the old file.
 */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes so a crash or power cut leaves either the old file or the new one, and the new one
 * once this resolves: temp file, fsync, rename, fsync of the directory. Mode 0600.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await makePrivateDir(dir);
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDir(dir);
}

/**
 * A JSON document in one file, validated on load (a hand-edited or foreign file is refused
 * with the reason rather than half-used) and rewritten atomically on every update.
 */
export class JsonFileStore<T> implements JsonDocument<T> {
  private loaded: Promise<T> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly schema: ValueSchema<T>,
    private readonly initial: () => T,
  ) {}

  read(): Promise<T> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  update<R>(change: (current: T) => { value: T; result: R }): Promise<R> {
    const next = this.queue.then(async () => {
      const { value, result } = change(await this.read());
      await writeFileAtomic(this.path, JSON.stringify(value));
      this.loaded = Promise.resolve(value);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.initial();
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.path}: not valid JSON`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.path}: ${parsed.error.message.split('\n')[0]}`);
    return parsed.data;
  }
}
