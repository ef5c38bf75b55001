import { REPORT_LIMITS } from '@live-scores/schema';
import type { ReportFacts } from './facts.ts';
import type { ReportText } from './template.ts';

export type ReportCheck = { ok: true } | { ok: false; reason: string };

/** Numbers as prose writes them: "176", "33.4", "1,250". */
const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Capitalised words mid-sentence that are not names. */
const ORDINARY_CAPITALS = new Set([
  'I',
  'XI',
  'CC',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]);

/** Every number the facts hold (overs as written), and those inside names such as "1st XI". */
export function factNumbers(facts: ReportFacts): Set<string> {
  const numbers = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'number') numbers.add(String(value));
    else if (typeof value === 'string') for (const m of value.matchAll(NUMBER)) numbers.add(normalise(m[0]));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit({ ...facts, matchId: undefined, teamId: undefined });
  return numbers;
}

const normalise = (n: string): string => n.replace(/,(?=\d{3}\b)/g, '');

/** The words of every name on the card and of the teams: the only capitalised words a report may use mid-sentence. */
function knownWords(facts: ReportFacts): Set<string> {
  const names = [
    ...facts.players,
    facts.clubTeam,
    ...facts.innings.flatMap((i) => [i.team, i.bowlingTeam ?? '']),
    ...(facts.finish.kind === 'league-words' ? [facts.finish.text] : []),
    'winner' in facts.finish ? facts.finish.winner : '',
  ];
  return new Set(
    names
      .flatMap((n) => n.split(/[\s-]+/))
      .map(stripPunctuation)
      .filter(Boolean),
  );
}

/** "(Deegan's" → "Deegan": surrounding punctuation and a possessive go; "O'Brien" stays whole. */
const stripPunctuation = (word: string): string =>
  word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').replace(/['’]s$/u, '');

function unknownNumber(text: string, allowed: ReadonlySet<string>): string | undefined {
  return [...text.matchAll(NUMBER)].map((m) => normalise(m[0])).find((n) => !allowed.has(n));
}

/**
 * A capitalised word that is neither part of a name on the card nor an ordinary capital. The
 * first word of a sentence is an ordinary word unless the next is capitalised too (a name).
 */
function unknownName(text: string, known: ReadonlySet<string>): string | undefined {
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
    const words = sentence
      .split(/[\s-]+/)
      .map(stripPunctuation)
      .filter(Boolean);
    for (const [index, word] of words.entries()) {
      if (!/^\p{Lu}/u.test(word) || known.has(word) || ORDINARY_CAPITALS.has(word)) continue;
      const startsName = /^\p{Lu}/u.test(words[index + 1] ?? '');
      if (index === 0 && !startsName) continue;
      return word;
    }
  }
  return undefined;
}

/**
 * Whether a model's report may be published: within the length limits, every number one of
 * the facts, no name that is not on the scorecard. Anything else is refused with the reason.
 */
export function checkReportText(text: ReportText, facts: ReportFacts): ReportCheck {
  const title = text.title.trim();
  const body = text.body.trim();
  if (!title || !body) return { ok: false, reason: 'empty title or body' };
  if (title.length > REPORT_LIMITS.title)
    return { ok: false, reason: `title longer than ${REPORT_LIMITS.title} characters` };
  if (body.length > REPORT_LIMITS.body)
    return { ok: false, reason: `body longer than ${REPORT_LIMITS.body} characters` };
  const numbers = factNumbers(facts);
  const known = knownWords(facts);
  for (const part of [title, body]) {
    const number = unknownNumber(part, numbers);
    if (number !== undefined) return { ok: false, reason: `the number ${number} is not one of the facts` };
    const name = unknownName(part, known);
    if (name !== undefined) return { ok: false, reason: `"${name}" is not a name on the scorecard` };
  }
  return { ok: true };
}
