import type { ForcedOutcome, SideSettings } from './match-settings.ts';
import { OPPOSITION_CLUBS } from './names.ts';
import { createRandom } from './random.ts';
import type { SimulatorOptions } from './simulator-options.ts';

/** One match of the simulated day, before it is played. */
export interface PlannedMatch {
  matchId: string;
  home: SideSettings;
  away: SideSettings;
  /** The club team playing, or null for another clubs' match. */
  teamId: string | null;
  seed: string;
  outcome: ForcedOutcome | undefined;
  startDelayMs: number;
}

/** "Cleckheaton CC - 2nd XI" → "2nd XI", so the opposition fields the same grade. */
function grade(teamText: string): string {
  const dash = teamText.lastIndexOf(' - ');
  return dash >= 0 ? teamText.slice(dash + 3) : '1st XI';
}

/**
 * The day's fixtures: the club's teams in turn, at home and away alternately, against
 * distinct opponents, then other clubs' matches. Ids are seven-digit and increasing.
 */
export function planFixtures(options: SimulatorOptions): PlannedMatch[] {
  const random = createRandom(`${options.seed}/fixtures`);
  const opponents = OPPOSITION_CLUBS.filter((c) => c.toLowerCase() !== options.club.name.toLowerCase());
  const needed = options.matches + options.otherMatches * 2;
  if (needed > opponents.length)
    throw new Error(`at most ${opponents.length} clubs are available for ${needed} places`);
  const clubs = [...opponents];
  const draw = (): string => clubs.splice(random.int(0, clubs.length - 1), 1)[0] as string;
  let nextId = 6_100_000 + random.int(0, 800_000);

  const planned: PlannedMatch[] = [];
  const add = (home: SideSettings, away: SideSettings, teamId: string | null) => {
    const index = planned.length;
    const override = options.perMatch[index];
    const matchId = String(nextId);
    nextId += random.int(1, 40);
    planned.push({
      matchId,
      home,
      away,
      teamId,
      seed: `${options.seed}/match-${index}`,
      outcome: override?.outcome,
      startDelayMs: override?.startDelayMs ?? options.startDelayMs + index * options.staggerMs,
    });
  };
  for (let i = 0; i < options.matches; i++) {
    const team = options.club.teams[i % options.club.teams.length];
    if (!team) break;
    const ours = { club: options.club.name, text: team.fixturesText };
    const opponent = draw();
    const theirs = { club: opponent, text: `${opponent} - ${grade(team.fixturesText)}` };
    if (i % 2 === 0) add(ours, theirs, team.id);
    else add(theirs, ours, team.id);
  }
  for (let i = 0; i < options.otherMatches; i++) {
    const home = draw();
    const away = draw();
    add({ club: home, text: `${home} - 1st XI` }, { club: away, text: `${away} - 1st XI` }, null);
  }
  return planned;
}
