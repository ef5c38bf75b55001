import type { z } from 'zod';

/** A dotted path like `teams[1].fixturesText`, or `(root)` for the whole value. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** One line per problem: `teams[1].fixturesText: expected a non-empty string`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
}

/** The first problem as a one-line reason, for HTTP 400s and dead-letter logs. */
export function oneLineReason(error: z.ZodError): string {
  const lines = formatIssues(error);
  return lines.length > 1 ? `${lines[0]} (and ${lines.length - 1} more)` : (lines[0] ?? 'invalid');
}
