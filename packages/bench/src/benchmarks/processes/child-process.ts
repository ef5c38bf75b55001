import { fork, type ChildProcess } from 'node:child_process';

/** A benchmark helper process: a TypeScript entry run under tsx, spoken to over IPC. */
export interface Helper {
  request<T>(message: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `entry` in its own process so it gets its own core: a receiver or a swarm of
 * clients in the benchmark's process would share one event loop with what is measured.
 */
export function startHelper(entry: URL, env: NodeJS.ProcessEnv = process.env): Helper {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    request<T>(message: unknown): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`${entry.pathname} exited (${code}) before answering`));
        child.once('exit', onExit);
        child.once('message', (answer) => {
          child.off('exit', onExit);
          const { error, value } = answer as { error?: string; value?: T };
          if (error) reject(new Error(error));
          else resolve(value as T);
        });
        child.send(message as object);
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/** The helper side: answers each request with `handle`'s result (or its error message). */
export function serveRequests(handle: (message: unknown) => Promise<unknown>): void {
  process.on('message', (message) => {
    handle(message).then(
      (value) => process.send?.({ value }),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
}
