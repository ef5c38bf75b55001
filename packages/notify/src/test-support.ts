import { NotificationRules, type Bowler, type Innings, type Scorecard } from '@live-scores/schema';

import type { ApplyRulesOptions } from './apply-rules.ts';

/** The shared scorecard builders, and the rules' defaults for notify's tests. */
import { batter, bowler, innings, out, scorecard } from '@live-scores/test-support';

export {
  MATCH_ID,
  batter,
  bowler,
  capturedAt,
  innings,
  out,
  scorecard,
  type InningsFigures,
} from '@live-scores/test-support';

export const DEFAULT_RULES: NotificationRules = NotificationRules.parse({});
export const OPTIONS: ApplyRulesOptions = { rules: DEFAULT_RULES, teamLabel: '1st XI' };

/** A small seeded generator (mulberry32), so "random" matches are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BatterFigures {
  name: string;
  runs: number;
  balls: number;
  fours: number;
  sixes: number;
  howOut: string;
}

/**
 * One innings played ball by ball: strike rotates on odd runs and at the end of each over, the
 * bowlers take turns, and `snapshot()` is the innings as the site would show it after that ball.
 */
export class InningsPlay {
  private readonly batters: BatterFigures[] = [];
  private readonly bowlers: Bowler[];
  private striker = 0;
  private nonStriker = 1;
  private balls = 0;
  private runs = 0;
  private wickets = 0;
  private readonly fall: string[] = [];

  constructor(
    readonly team: string,
    private readonly lineUp: readonly string[],
    bowlerNames: readonly string[],
    private readonly maxOvers = 50,
  ) {
    this.bowlers = bowlerNames.map((name) => bowler(name));
    this.batters.push(this.newBatter(0), this.newBatter(1));
  }

  get total(): number {
    return this.runs;
  }

  get over(): boolean {
    return this.wickets >= Math.min(10, this.lineUp.length - 1) || this.balls >= this.maxOvers * 6;
  }

  /** One legal ball: runs off the bat, or the striker out `howOut` ("b" or "ct <fielder>"). */
  ball(result: number | { out: 'b' | `ct ${string}` }): this {
    const bowler = this.bowlers[Math.floor(this.balls / 6) % this.bowlers.length]!;
    const striker = this.batters[this.striker]!;
    this.balls += 1;
    striker.balls += 1;
    if (typeof result === 'number') {
      this.runs += result;
      striker.runs += result;
      bowler.runs += result;
      if (result === 4) striker.fours += 1;
      if (result === 6) striker.sixes += 1;
      if (result % 2 === 1) [this.striker, this.nonStriker] = [this.nonStriker, this.striker];
    } else {
      this.wickets += 1;
      bowler.wickets += 1;
      striker.howOut = result.out === 'b' ? `b ${bowler.name}` : `${result.out} b ${bowler.name}`;
      this.fall.push(`${this.wickets}-${this.runs} (${oversOf(this.balls)})`);
      if (this.batters.length < this.lineUp.length) {
        this.batters.push(this.newBatter(this.batters.length));
        this.striker = this.batters.length - 1;
      }
    }
    bowler.overs = oversOf(Math.round(oversToBallsLoose(bowler.overs) + 1));
    if (this.balls % 6 === 0) [this.striker, this.nonStriker] = [this.nonStriker, this.striker];
    return this;
  }

  snapshot(): Innings {
    return innings(this.team, {
      runs: this.runs,
      wickets: this.wickets,
      overs: oversOf(this.balls),
      fallOfWickets: this.fall.join(', '),
      batting: this.batters.map((b) =>
        b.howOut === 'not out'
          ? batter(b.name, { runs: b.runs, balls: b.balls, fours: b.fours, sixes: b.sixes })
          : out(b.name, b.howOut, b.runs, { balls: b.balls, fours: b.fours, sixes: b.sixes }),
      ),
      bowling: this.bowlers.filter((b) => b.overs !== '0').map((b) => ({ ...b })),
    });
  }

  private newBatter(index: number): BatterFigures {
    return { name: this.lineUp[index]!, runs: 0, balls: 0, fours: 0, sixes: 0, howOut: 'not out' };
  }
}

function oversOf(balls: number): string {
  return balls % 6 === 0 ? `${balls / 6}` : `${Math.floor(balls / 6)}.${balls % 6}`;
}

function oversToBallsLoose(overs: string): number {
  const [whole = '0', part = '0'] = overs.split('.');
  return Number(whole) * 6 + Number(part);
}

/** A ball as club cricket goes: mostly dots and singles, a boundary an over, a wicket every few overs. */
export function randomBall(random: () => number): number | { out: 'b' | `ct ${string}` } {
  const r = random();
  if (r < 0.035) return { out: random() < 0.5 ? 'b' : 'ct Smith' };
  if (r < 0.4) return 0;
  if (r < 0.72) return 1;
  if (r < 0.82) return 2;
  if (r < 0.84) return 3;
  if (r < 0.96) return 4;
  return 6;
}

const HOME = [
  'A Deegan',
  'J Thurwell',
  'S Khan',
  'R Patel',
  'M Hussain',
  'T Booth',
  'C Walker',
  'D Shaw',
  'L Firth',
  'P Ellis',
  'K Holt',
];
const AWAY = [
  'S Mahmood',
  'B Clough',
  'G Ward',
  'H Akhtar',
  'N Dyson',
  'W Oldroyd',
  'F Iqbal',
  'E Rhodes',
  'V Sutcliffe',
  'Y Ahmed',
  'O Brook',
];

/**
 * A whole 40-over match, one scorecard per ball: before the start, Scholes batting, Cleckheaton
 * chasing, then the result. Seeded, so every run replays the same match.
 */
export function ballByBallMatch(seed: number): Scorecard[] {
  const random = seededRandom(seed);
  const cards: Scorecard[] = [scorecard({ seq: 0, status: 'not-started' })];
  const first = new InningsPlay('Scholes', AWAY, HOME.slice(1, 6), 40);
  while (!first.over)
    cards.push(scorecard({ seq: cards.length, innings: [first.ball(randomBall(random)).snapshot()] }));
  const second = new InningsPlay('Cleckheaton', HOME, AWAY.slice(1, 6), 40);
  const target = first.total + 1;
  const done = first.snapshot();
  while (!second.over && second.total < target) {
    cards.push(scorecard({ seq: cards.length, innings: [done, second.ball(randomBall(random)).snapshot()] }));
  }
  const chase = second.snapshot();
  const result =
    chase.total.runs >= target
      ? `Cleckheaton WON BY ${10 - chase.total.wickets} WICKETS`
      : chase.total.runs === first.total
        ? 'MATCH TIED'
        : `Scholes WON BY ${first.total - chase.total.runs} RUNS`;
  cards.push(scorecard({ seq: cards.length, status: 'complete', result, innings: [done, chase] }));
  return cards;
}
