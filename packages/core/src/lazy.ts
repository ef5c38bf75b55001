/**
 * Built on first use, then the same value for the life of the process (a Lambda execution
 * environment keeps its clients and their connections across invocations).
 */
export function lazy<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}

/**
 * `lazy` for a value built asynchronously (a secret read, a router): callers share one build,
 * and a failed build is not kept, so the next call tries again.
 */
export function lazyRetrying<T>(build: () => T | Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () =>
    (value ??= Promise.resolve()
      .then(build)
      .catch((error: unknown) => {
        value = undefined;
        throw error;
      }));
}
