import type { Random } from './random.ts';

/** Clubs of the kind that share a Yorkshire league with the demo club. */
export const OPPOSITION_CLUBS = [
  'Scholes CC',
  'Hanging Heaton CC',
  'Pudsey St Lawrence CC',
  'Woodlands CC',
  'Farsley CC',
  'Lightcliffe CC',
  'Bradford & Bingley CC',
  'Bowling Old Lane CC',
  'Undercliffe CC',
  'East Bierley CC',
  'Townville CC',
  'Morley CC',
  'Wrenthorpe CC',
  'Ossett CC',
  'Methley CC',
  'Batley CC',
  'Spen Victoria CC',
  'Baildon CC',
] as const;

const INITIALS = 'AABCDEGHIJJJKLMMNOPRRSSTW'.split('');
const SURNAMES = [
  'Mahmood',
  'Deegan',
  'Thurwell',
  'Hussain',
  'Brook',
  'Sutcliffe',
  'Illingworth',
  'Appleyard',
  'Trueman',
  "O'Brien",
  'Close',
  'Boycott',
  'Bairstow',
  'Rashid',
  'Lyth',
  'Ballance',
  'Gale',
  'Shahzad',
  'Patterson',
  'Fisher',
  'Coad',
  'Kohler-Cadmore',
  'Hodd',
  'Sidebottom',
  'Gough',
  'Silverwood',
  'Hoggard',
  'Lehmann',
  'Moxon',
  'Blakey',
  'Byas',
  'Vaughan',
  'Craven',
  'Dawood',
  'Iqbal',
  'Akhtar',
  'Khan',
  'Robinson',
  'Wood',
  'Holdsworth',
  'Ackroyd',
  'Barraclough',
  'Greenwood',
  'Haigh',
  'Jagger',
  'Oldroyd',
  'Pickles',
  'Ramsden',
  'Shackleton',
  'Thackray',
  'Whiteley',
  'Crowther',
  'Dyson',
  'Firth',
  'Hirst',
  'Lockwood',
  'Sugden',
];

/** A side's name as the innings tabs and results use it: "Scholes CC" → "Scholes". */
export function shortClubName(club: string): string {
  return club.replace(/\s+CC$/i, '').trim() || club;
}

/**
 * Eleven distinct "J Thurwell"-style names in batting order. `taken` keeps the two
 * sides of one match apart, so a name identifies one player on the scorecard.
 */
export function makeEleven(random: Random, taken: Set<string>): string[] {
  const players: string[] = [];
  while (players.length < 11) {
    const name = `${random.pick(INITIALS)} ${random.pick(SURNAMES)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    players.push(name);
  }
  return players;
}
