import { Scorecard, type Batter, type Bowler, type Innings } from '@live-scores/schema';

const BALLS_PER_OVER = 6;
const toBalls = (overs: string) => {
  const [whole, part] = overs.split('.');
  return Number(whole) * BALLS_PER_OVER + Number(part ?? 0);
};
const toOvers = (balls: number) =>
  balls % BALLS_PER_OVER
    ? `${Math.floor(balls / BALLS_PER_OVER)}.${balls % BALLS_PER_OVER}`
    : String(balls / BALLS_PER_OVER);

/**
 * Builds one innings the way a scorer fills it in; the total (runs, wickets, overs and the
 * site's text) is worked out from the rows, so a fixture can never disagree with itself.
 */
export class InningsBuilder {
  readonly #batting: Batter[] = [];
  readonly #bowling: Bowler[] = [];
  #extras = 0;
  #fallOfWickets = '';

  constructor(readonly team: string) {}

  out(name: string, howOut: string, runs: number, balls: number, fours = 0, sixes = 0): this {
    this.#batting.push(batter(name, howOut, true, runs, balls, fours, sixes));
    return this;
  }

  notOut(name: string, runs: number, balls: number, fours = 0, sixes = 0): this {
    this.#batting.push(batter(name, 'not out', false, runs, balls, fours, sixes));
    return this;
  }

  yetToBat(...names: string[]): this {
    for (const name of names) {
      this.#batting.push({
        name,
        howOut: '',
        out: false,
        runs: null,
        balls: null,
        minutes: null,
        fours: null,
        sixes: null,
        strikeRate: null,
      });
    }
    return this;
  }

  bowler(
    name: string,
    overs: string,
    maidens: number,
    runs: number,
    wickets: number,
    wides = 0,
    noBalls = 0,
  ): this {
    const balls = toBalls(overs);
    const economy = balls ? Math.round((runs / (balls / BALLS_PER_OVER)) * 100) / 100 : null;
    this.#bowling.push({ name, overs, maidens, runs, wickets, wides, noBalls, economy });
    return this;
  }

  extras(runs: number): this {
    this.#extras = runs;
    return this;
  }

  fallOfWickets(text: string): this {
    this.#fallOfWickets = text;
    return this;
  }

  build(): Innings {
    const runs = this.#extras + this.#batting.reduce((sum, b) => sum + (b.runs ?? 0), 0);
    const wickets = this.#batting.filter((b) => b.out).length;
    const overs = toOvers(this.#bowling.reduce((sum, b) => sum + toBalls(b.overs), 0));
    return {
      team: this.team,
      batting: this.#batting,
      extras: this.#extras,
      total: { runs, wickets, overs, text: `${runs} for ${wickets} (${overs} Overs)` },
      fallOfWickets: this.#fallOfWickets,
      bowling: this.#bowling,
    };
  }
}

function batter(
  name: string,
  howOut: string,
  out: boolean,
  runs: number,
  balls: number,
  fours: number,
  sixes: number,
): Batter {
  const strikeRate = balls ? Math.round((runs / balls) * 10_000) / 100 : null;
  return { name, howOut, out, runs, balls, minutes: Math.round(balls * 1.4), fours, sixes, strikeRate };
}

/** Builds a whole scorecard; `build()` validates it against the real schema. */
export class ScorecardBuilder {
  #status: Scorecard['status'] = 'in-progress';
  #result: string | null = null;
  #capturedAt = '2025-06-14T15:42:10.000Z';
  #seq = 100;
  readonly #innings: Innings[] = [];

  constructor(
    readonly matchId: string,
    readonly teamId: string,
  ) {}

  status(status: Scorecard['status']): this {
    this.#status = status;
    return this;
  }

  result(result: string): this {
    this.#result = result;
    this.#status = 'complete';
    return this;
  }

  capturedAt(iso: string, seq: number): this {
    this.#capturedAt = iso;
    this.#seq = seq;
    return this;
  }

  innings(team: string, fill: (innings: InningsBuilder) => InningsBuilder): this {
    this.#innings.push(fill(new InningsBuilder(team)).build());
    return this;
  }

  build(): Scorecard {
    return Scorecard.parse({
      schemaVersion: 1,
      matchId: this.matchId,
      teamId: this.teamId,
      url: `https://bradfordcl.play-cricket.com/website/results/${this.matchId}`,
      capturedAt: this.#capturedAt,
      seq: this.#seq,
      status: this.#status,
      result: this.#result,
      innings: this.#innings,
    });
  }
}

/**
 * The next capture of a live match after one ball: `runs` to the first not-out batter (or
 * the batter out with `howOut`, the next one in coming to the crease), the ball added to the
 * last bowler, a later `capturedAt` and a higher `seq`.
 */
export function afterBall(scorecard: Scorecard, ball: { runs: number; howOut?: string }): Scorecard {
  const next: Scorecard = structuredClone(scorecard);
  const innings = next.innings.at(-1);
  const striker = innings?.batting.find((b) => !b.out && b.runs != null);
  const bowler = innings?.bowling.at(-1);
  if (!innings || !striker || !bowler)
    throw new Error('afterBall needs an innings with a batter in and a bowler');
  striker.runs = (striker.runs ?? 0) + ball.runs;
  striker.balls = (striker.balls ?? 0) + 1;
  bowler.runs += ball.runs;
  bowler.overs = toOvers(toBalls(bowler.overs) + 1);
  innings.total.runs += ball.runs;
  innings.total.overs = toOvers(toBalls(innings.total.overs ?? '0') + 1);
  if (ball.howOut) {
    striker.out = true;
    striker.howOut = ball.howOut;
    bowler.wickets += 1;
    innings.total.wickets += 1;
    const incoming = innings.batting.find((b) => b.runs == null);
    if (incoming)
      Object.assign(incoming, {
        howOut: 'not out',
        runs: 0,
        balls: 0,
        minutes: 0,
        fours: 0,
        sixes: 0,
        strikeRate: 0,
      });
  }
  innings.total.text = `${innings.total.runs} for ${innings.total.wickets} (${innings.total.overs} Overs)`;
  next.capturedAt = new Date(Date.parse(scorecard.capturedAt) + 40_000).toISOString();
  next.seq = scorecard.seq + 1;
  return Scorecard.parse(next);
}
