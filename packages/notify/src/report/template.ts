import { REPORT_LIMITS } from '@live-scores/schema';
import type { BowlingFact, Finish, InningsFacts, ReportFacts, ScorerFact } from './facts.ts';
import { isQuick } from './facts.ts';

export interface ReportText {
  title: string;
  body: string;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

/** "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "176 for 4", "104 all out", "250 for 6 declared". */
function score(innings: InningsFacts): string {
  if (innings.allOut) return `${innings.runs} all out`;
  return `${innings.runs} for ${innings.wickets}${innings.declared ? ' declared' : ''}`;
}

const oversPhrase = (overs: string | null, preposition: string): string =>
  overs === null ? '' : ` ${preposition} ${overs} ${overs === '1' ? 'over' : 'overs'}`;

function sides(facts: ReportFacts): string | null {
  const teams = [
    ...new Set(facts.innings.flatMap((i) => (i.bowlingTeam ? [i.team, i.bowlingTeam] : [i.team]))),
  ];
  return teams.length === 2 ? `${teams[0]} v ${teams[1]}` : null;
}

function title(facts: ReportFacts): string {
  const { finish } = facts;
  const fixture = sides(facts) ?? facts.clubTeam;
  switch (finish.kind) {
    case 'won-by-runs':
      return finish.loser
        ? `${finish.winner} beat ${finish.loser} by ${plural(finish.runs, 'run')}`
        : `${finish.winner} win by ${plural(finish.runs, 'run')}`;
    case 'won-by-wickets':
      return finish.loser
        ? `${finish.winner} beat ${finish.loser} by ${plural(finish.wickets, 'wicket')}`
        : `${finish.winner} win by ${plural(finish.wickets, 'wicket')}`;
    case 'tie':
      return `${fixture}: match tied`;
    case 'no-result':
      return `${fixture}: no result`;
    case 'abandoned':
      return `${fixture}: match abandoned`;
    case 'league-words':
      return `${fixture}: result`;
  }
}

function resultSentence(facts: ReportFacts): string {
  const { finish } = facts;
  const played = facts.innings.length > 0;
  switch (finish.kind) {
    case 'won-by-runs':
      return `${finish.winner} won by ${plural(finish.runs, 'run')}.`;
    case 'won-by-wickets':
      return `${finish.winner} won by ${plural(finish.wickets, 'wicket')}${
        finish.ballsToSpare === null ? '' : ` with ${plural(finish.ballsToSpare, 'ball')} to spare`
      }.`;
    case 'tie':
      return 'The scores finished level and the match was tied.';
    case 'no-result':
      return played
        ? 'The match ended without a result.'
        : 'The match ended without a result and without a ball bowled.';
    case 'abandoned':
      return played
        ? 'The match was abandoned before it could be finished.'
        : 'The match was abandoned without a ball bowled.';
    case 'league-words':
      return `The league recorded the result as "${finish.text}".`;
  }
}

/** Whether the chasing side's innings was cut short rather than finished. */
const interrupted = (finish: Finish): boolean => finish.kind === 'no-result' || finish.kind === 'abandoned';

function totalSentence(innings: InningsFacts, index: number, facts: ReportFacts): string {
  const last = index === facts.innings.length - 1;
  const { finish } = facts;
  if (last && interrupted(finish) && !innings.allOut)
    return `${index === 0 ? '' : 'In reply, '}${innings.team} had reached ${score(innings)}${oversPhrase(innings.overs, 'from')} when play ended.`;
  if (index === 0) {
    if (innings.allOut)
      return `${innings.team} batted first and were bowled out for ${innings.runs}${oversPhrase(innings.overs, 'in')}.`;
    return `${innings.team} batted first and made ${score(innings)}${oversPhrase(innings.overs, 'from')}.`;
  }
  const chased = finish.kind === 'won-by-wickets' && finish.winner === innings.team && index === 1;
  if (chased)
    return `In reply, ${innings.team} reached ${score(innings)}${oversPhrase(innings.overs, 'in')}.`;
  if (innings.allOut)
    return `In reply, ${innings.team} were bowled out for ${innings.runs}${oversPhrase(innings.overs, 'in')}.`;
  return `In reply, ${innings.team} finished on ${score(innings)}${oversPhrase(innings.overs, 'from')}.`;
}

function innings(s: ScorerFact): string {
  const balls = s.balls === null ? '' : ` from ${plural(s.balls, 'ball')}`;
  return `${s.runs}${s.notOut ? ' not out' : ''}${balls}`;
}

function boundaries(s: ScorerFact): string {
  const parts = [s.fours ? plural(s.fours, 'four') : '', s.sixes ? plural(s.sixes, 'six') : ''];
  const hit = parts.filter(Boolean);
  return hit.length ? `, with ${list(hit)}` : '';
}

function scorerSentences(team: string, scorers: readonly ScorerFact[]): string[] {
  const [top, ...rest] = scorers;
  if (!top) return [];
  if (top.runs < 50) return [`${top.name} top-scored for ${team} with ${innings(top)}.`];
  const lead = top.runs >= 100 ? 'made a hundred' : isQuick(top) ? 'hit a quick fifty' : 'made a fifty';
  const first = `${top.name} ${lead} for ${team}, ${innings(top)}${boundaries(top)}.`;
  if (rest.length === 0) return [first];
  const others = rest.map((s) => `${s.name} (${innings(s)})`);
  return [first, `${list(others)} also passed fifty.`];
}

function bowlingSentence(bowlingTeam: string | null, b: BowlingFact): string {
  const side = bowlingTeam ? ` for ${bowlingTeam}` : '';
  return `${b.name} took ${b.wickets} for ${b.runs}${oversPhrase(b.overs, 'from')}${side}${
    b.maidens > 0 ? `, including ${plural(b.maidens, 'maiden')}` : ''
  }.`;
}

function standSentences(i: InningsFacts, finish: Finish): string[] {
  const out: string[] = [];
  if (i.partnership) {
    const which = ORDINALS[i.partnership.wicket - 1] ?? 'last';
    const wonChase = finish.kind === 'won-by-wickets' && finish.winner === i.team;
    out.push(
      !i.partnership.unbroken
        ? `The biggest stand of the innings was ${i.partnership.runs} for the ${which} wicket.`
        : wonChase
          ? `An unbroken stand of ${i.partnership.runs} for the ${which} wicket carried ${i.team} home.`
          : `An unbroken stand of ${i.partnership.runs} for the ${which} wicket ended the innings.`,
    );
  }
  if (i.collapse)
    out.push(`${i.team} lost ${i.collapse.wickets} wickets for ${i.collapse.runs} runs in a collapse.`);
  if (i.maidenSpell && i.maidenSpell.name !== i.bestBowling?.name)
    out.push(
      `${i.maidenSpell.name} gave little away, bowling ${plural(i.maidenSpell.maidens, 'maiden')}${oversPhrase(i.maidenSpell.overs, 'in')}.`,
    );
  return out;
}

function inningsParagraph(i: InningsFacts, index: number, facts: ReportFacts): string {
  return [
    totalSentence(i, index, facts),
    ...scorerSentences(i.team, i.scorers),
    ...(i.bestBowling ? [bowlingSentence(i.bowlingTeam, i.bestBowling)] : []),
    ...standSentences(i, facts.finish),
  ].join(' ');
}

/** Cuts at a sentence boundary, so a long report never ends mid-word. */
function bounded(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > 0 ? cut.slice(0, end + 1) : cut.trimEnd();
}

/**
 * The deterministic report: a headline, the result, then a paragraph per innings (total, top
 * scorers, best bowling, the stand or collapse that shaped it). Every number comes from the facts.
 */
export function templateReport(facts: ReportFacts): ReportText {
  const paragraphs = [resultSentence(facts), ...facts.innings.map((i, n) => inningsParagraph(i, n, facts))];
  return {
    title: bounded(title(facts), REPORT_LIMITS.title),
    body: bounded(paragraphs.join('\n\n'), REPORT_LIMITS.body),
  };
}
