/** The HTTP status an SDK v3 error carries, if any. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

export function hasErrorName(error: unknown, name: string): boolean {
  return (error as { name?: string } | null)?.name === name;
}
