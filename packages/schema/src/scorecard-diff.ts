import type { LiveMessage, ScorecardChange } from './delivery.ts';
import type { Scorecard } from './scorecard.ts';

/*
 * What changed between two captures of one match, as a short list of edits. This module
 * imports no zod (the page bundles it); the message that carries a diff is validated by
 * `LiveDiffMessage` in delivery.ts on the server side.
 */

type DiffPath = ScorecardChange['at'];
type Json = Extract<ScorecardChange, { to: unknown }>['to'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const size = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

function diffInto(before: unknown, after: unknown, at: DiffPath, out: ScorecardChange[]): void {
  if (before === after) return;
  const nested: ScorecardChange[] = [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) diffInto(before[i], after[i], [...at, i], nested);
    for (let i = common; i < after.length; i++) nested.push({ at: [...at, i], to: after[i] as Json });
    if (after.length < before.length) nested.push({ at, length: after.length });
  } else if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key)) nested.push({ at: [...at, key], to: after[key] as Json });
      else diffInto(before[key], after[key], [...at, key], nested);
    }
    for (const key of Object.keys(before))
      if (!Object.hasOwn(after, key)) nested.push({ at: [...at, key], remove: true });
  } else {
    out.push({ at, to: after as Json });
    return;
  }
  // A row that changed nearly everywhere (a new batter in a slot) is shorter sent whole.
  const whole: ScorecardChange = { at, to: after as Json };
  if (nested.length > 1 && at.length > 0 && size(nested) >= size(whole)) out.push(whole);
  else out.push(...nested);
}

/** The edits that turn `before` into `after`; `applyScorecardDiff(before, edits)` deep-equals `after`. */
export function diffScorecards(before: Scorecard, after: Scorecard): ScorecardChange[] {
  const out: ScorecardChange[] = [];
  diffInto(before, after, [], out);
  return out;
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

type Container = Record<string, unknown> | unknown[];

/** `node` copied one level deep, so the edit below it leaves the original alone. */
function copyOf(node: unknown, path: DiffPath): Container {
  if (Array.isArray(node)) return node.slice();
  if (isRecord(node)) return { ...node };
  throw new Error(`diff path ${JSON.stringify(path)} goes through a value that is not an object or array`);
}

function checkStep(container: Container, step: unknown, path: DiffPath): void {
  if (Array.isArray(container)) {
    if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > container.length)
      throw new Error(`diff path ${JSON.stringify(path)} has an index out of range`);
  } else if (typeof step !== 'string' || FORBIDDEN_KEYS.has(step)) {
    throw new Error(`diff path ${JSON.stringify(path)} has a key that is not allowed`);
  }
}

function applyChange(root: Record<string, unknown>, change: ScorecardChange): Record<string, unknown> {
  const path = change.at;
  if (!Array.isArray(path)) throw new Error('diff change has no path');
  const top = { ...root };
  let parent: Container = top;
  const steps = 'length' in change ? path : path.slice(0, -1);
  for (const step of steps) {
    checkStep(parent, step, path);
    const child = copyOf((parent as Record<string | number, unknown>)[step], path);
    (parent as Record<string | number, unknown>)[step] = child;
    parent = child;
  }
  if ('length' in change) {
    if (
      !Array.isArray(parent) ||
      !Number.isInteger(change.length) ||
      change.length > parent.length ||
      change.length < 0
    )
      throw new Error(`diff shortens ${JSON.stringify(path)}, which is not an array that long`);
    parent.length = change.length;
    return top;
  }
  if (path.length === 0) throw new Error('diff change replaces the whole scorecard');
  const last = path[path.length - 1]!;
  checkStep(parent, last, path);
  if ('remove' in change) {
    if (Array.isArray(parent)) throw new Error(`diff removes ${JSON.stringify(path)} from an array`);
    delete parent[last as string];
  } else {
    (parent as Record<string | number, unknown>)[last] = change.to;
  }
  return top;
}

/**
 * `before` with the edits made, as a new object: `before` itself is left as it was (the page
 * keeps it to work out which rows changed). Throws on an edit that does not fit `before`; the
 * result still needs checking as a scorecard.
 */
export function applyScorecardDiff(before: Scorecard, changes: readonly ScorecardChange[]): unknown {
  let root = before as unknown as Record<string, unknown>;
  for (const change of changes) root = applyChange(root, change);
  return root;
}

/** Whether a diff built on `base` applies to `current`: the same capture of the match. */
export function isSameCapture(
  current: Pick<Scorecard, 'capturedAt' | 'seq'>,
  base: Pick<Scorecard, 'capturedAt' | 'seq'>,
): boolean {
  return current.capturedAt === base.capturedAt && (current.seq ?? 0) === base.seq;
}

/**
 * A live client's part for one message, on a map of each match's card: a full scorecard
 * replaces the card; a diff is applied to the card it was built on. Answers the card now
 * held, or `gap` when a diff does not fit the card held (the client should ask for a sync).
 * The rebuilt card is not checked here: callers that render it check it as a scorecard.
 */
export function receiveLiveMessage(cards: Map<string, Scorecard>, message: LiveMessage): Scorecard | 'gap' {
  if (message.type === 'scorecard') {
    cards.set(message.scorecard.matchId, message.scorecard);
    return message.scorecard;
  }
  const base = cards.get(message.matchId);
  if (!base || !isSameCapture(base, message.base)) return 'gap';
  try {
    const card = applyScorecardDiff(base, message.changes) as Scorecard;
    cards.set(card.matchId, card);
    return card;
  } catch {
    return 'gap';
  }
}
