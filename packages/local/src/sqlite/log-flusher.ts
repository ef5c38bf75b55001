import { open, type FileHandle } from 'node:fs/promises';

export interface LogFlusher {
  /** Resolves once everything written to the file before the call is on disk. */
  flush(): Promise<void>;
  /** Releases the file once the last flush has finished. */
  close(): Promise<void>;
  /** fsyncs made so far (for tests and benchmarks). */
  readonly syncs: number;
}

/**
 * fsyncs a file on libuv's thread pool, so the event loop keeps serving sockets while the
 * disk works. Callers that arrive while a sync is running share the next one: however many
 * commits land during a slow fsync, they cost one more, not one each (group commit).
 */
export function createLogFlusher(path: string): LogFlusher {
  let handle: Promise<FileHandle> | undefined;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let syncs = 0;

  async function syncOnce(): Promise<void> {
    if (!handle) {
      const opening = open(path, 'r');
      handle = opening;
      // A file that could not be opened is tried again on the next flush.
      opening.catch(() => {
        if (handle === opening) handle = undefined;
      });
    }
    const file = await handle;
    syncs++;
    await file.sync();
  }

  function flush(): Promise<void> {
    if (!running) {
      running = syncOnce().finally(() => (running = undefined));
      return running;
    }
    // The running sync may have started before this caller's write reached the file.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return flush();
      });
    return queued;
  }

  return {
    flush,
    get syncs() {
      return syncs;
    },
    async close() {
      await Promise.allSettled([running, queued]);
      const opened = handle;
      handle = undefined;
      if (opened) await (await opened).close();
    },
  };
}
