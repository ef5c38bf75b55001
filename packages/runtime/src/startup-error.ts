/**
 * A reason the runtime cannot start that the operator must fix (a corrupt state file, an
 * unwritable data dir, a port in use). The start command prints the message as one line and
 * exits 1; a service manager that restarts it gets the same line again, not a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device (disk full)',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a path component is not a directory',
};

/** "permission denied" for EACCES, and so on; the code itself for anything else. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO_TEXT[code]) return `${ERRNO_TEXT[code]} (${code})`;
  return code ?? (error instanceof Error ? error.message : String(error));
}
