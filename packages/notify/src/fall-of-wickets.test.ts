import { describe, expect, it } from 'vitest';
import { orderByFall, parseFallOfWickets } from './fall-of-wickets.ts';
import { playerKeys } from './player-keys.ts';

describe('fall of wickets', () => {
  it('reads each wicket, the score and what the brackets say', () => {
    expect(parseFallOfWickets('1-8 (2.3), 2-31 (S Mahmood, 9.1 ov), 3-40')).toEqual([
      { wicket: 1, runs: 8, detail: '2.3' },
      { wicket: 2, runs: 31, detail: 'S Mahmood, 9.1 ov' },
      { wicket: 3, runs: 40, detail: '' },
    ]);
  });

  it('orders batters as the fall of wickets names them', () => {
    const batters = [{ name: 'J Smith' }, { name: 'AJ Smith' }];
    expect(orderByFall(batters, '1-8 (AJ Smith, 2.3), 2-31 (J Smith, 9.1)')).toEqual([
      { name: 'AJ Smith' },
      { name: 'J Smith' },
    ]);
  });

  it('keeps batting order when any batter is not named exactly once', () => {
    const batters = [{ name: 'B Clough' }, { name: 'A Deegan' }];
    expect(orderByFall(batters, '1-8 (2.3), 2-31 (9.1)')).toEqual(batters);
    expect(orderByFall(batters, '1-8 (A Deegan, 2.3)')).toEqual(batters);
  });
});

describe('player keys', () => {
  it('slugs names and tells repeated names apart', () => {
    expect(playerKeys(['A Deegan', "M O'Brien", 'J Smith', 'J Smith', 'Zoë Ênder', '??'])).toEqual([
      'a-deegan',
      'm-o-brien',
      'j-smith',
      'j-smith~2',
      'zoe-ender',
      'player',
    ]);
  });
});
