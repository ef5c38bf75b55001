import type { Batter, Bowler, Innings } from '@live-scores/schema';
import { hasStarted, isAllOut, isDeclared, marginOf } from './cricket.ts';
import type { Moment } from './moments.ts';

/** Lock screens show a line or two; anything longer is cut here rather than by the phone. */
const MAX_TITLE = 80;
const MAX_BODY = 160;

/** Who the notification is about: "1st XI", or "Cleckheaton 1st XI" when the club is named. */
export interface Naming {
  teamLabel: string;
  clubName?: string | undefined;
}

/** Title and body of a moment, e.g. "1st XI · Wicket" / "WICKET: A Deegan ct Smith b Jones 35". */
export function wordMoment(moment: Moment, naming: Naming): { title: string; body: string } {
  const team = naming.clubName ? `${naming.clubName} ${naming.teamLabel}` : naming.teamLabel;
  return {
    title: clip(`${team} · ${headline(moment)}`, MAX_TITLE),
    body: clip(body(moment), MAX_BODY),
  };
}

function headline(moment: Moment): string {
  switch (moment.kind) {
    case 'overs':
      return `${moment.overs} overs`;
    case 'wicket':
      return 'Wicket';
    case 'batting-milestone':
      return `${moment.milestone} for ${moment.batter.name}`;
    case 'bowling-milestone':
      return `${moment.milestone} wickets for ${moment.bowler.name}`;
    case 'innings-end':
      return 'End of innings';
    case 'catch-up':
      return 'Live score';
    case 'result':
      return 'Result';
    case 'play-started':
      return 'Play has started';
    case 'innings-break':
      return 'Innings break';
    case 'abandoned':
      return 'Match abandoned';
  }
}

function body(moment: Moment): string {
  switch (moment.kind) {
    case 'overs':
    case 'innings-end':
      return scoreLine(moment.at.innings);
    case 'wicket':
      return wicketLine(moment.batter);
    case 'batting-milestone':
      return battingLine(moment.batter);
    case 'bowling-milestone':
      return bowlingLine(moment.bowler);
    case 'catch-up':
      return moment.innings.map(scoreLine).join(' · ');
    case 'result':
      return resultLine(moment.result, moment.innings);
    case 'play-started':
      return `${moment.innings.team} batting first · ${scoreLine(moment.innings)}`;
    case 'innings-break':
      return inningsBreakLine(moment.first, moment.chasing, moment.target);
    case 'abandoned':
      return [moment.result, ...moment.innings.filter(hasStarted).map(scoreLine)].join(' · ');
  }
}

/**
 * The league's result line, with the margin worked out from the innings when the league gives
 * none ("Cleckheaton WON" → "Cleckheaton WON by 8 wickets"); the scores when there is no line.
 */
export function resultLine(result: string | null, innings: readonly Innings[]): string {
  if (result === null) return innings.map(scoreLine).join(' · ') || 'Match over';
  const margin = /\bWON\b/i.test(result) && !/\bBY\b/i.test(result) ? marginOf(innings) : null;
  return margin ? `${result} ${margin}` : result;
}

/** "Scholes 186/7 (40 ov) · Cleckheaton need 187 to win", or "… · Target 187" before the chase shows. */
export function inningsBreakLine(first: Innings, chasing: string | null, target: number): string {
  const ask = chasing ? `${chasing} need ${target} to win` : `Target ${target}`;
  return `${scoreLine(first)} · ${ask}`;
}

/** "Cleckheaton 176/4 (38.2 ov)", "Scholes 104 all out (33.4 ov)", "Scholes 250/6 dec (45 ov)". */
export function scoreLine(innings: Innings): string {
  const { runs, wickets, overs } = innings.total;
  const score = isAllOut(innings)
    ? `${runs} all out`
    : `${runs}/${wickets}${isDeclared(innings) ? ' dec' : ''}`;
  return `${innings.team} ${score}${overs === null ? '' : ` (${overs} ov)`}`;
}

/** "WICKET: A Deegan ct Smith b Jones 35". */
export function wicketLine(batter: Batter): string {
  return `WICKET: ${batter.name} ${batter.howOut.trim() || 'out'} ${batter.runs ?? 0}`;
}

/** "A Deegan 50* (48 balls, 6x4 1x6)": the star while not out, boundaries only when hit. */
export function battingLine(batter: Batter): string {
  const boundaries = [batter.fours ? `${batter.fours}x4` : '', batter.sixes ? `${batter.sixes}x6` : '']
    .filter(Boolean)
    .join(' ');
  const details = [batter.balls === null ? '' : `${batter.balls} balls`, boundaries]
    .filter(Boolean)
    .join(', ');
  const runs = `${batter.runs ?? 0}${batter.out ? '' : '*'}`;
  return `${batter.name} ${runs}${details ? ` (${details})` : ''}`;
}

/** "J Thurwell 5 wickets (10.4-2-36-5)": overs-maidens-runs-wickets, as scorers write figures. */
export function bowlingLine(bowler: Bowler): string {
  const figures = `${bowler.overs}-${bowler.maidens}-${bowler.runs}-${bowler.wickets}`;
  return `${bowler.name} ${bowler.wickets} wicket${bowler.wickets === 1 ? '' : 's'} (${figures})`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
