import type { Scorecard } from '@live-scores/schema';
import type { TeamLabel } from '../config/page-config.ts';
import { ScorecardBuilder } from './scorecard-builder.ts';

/** The club's teams as a page would be configured with them; the Sunday XI has no match today. */
export const TEAMS: TeamLabel[] = [
  { id: 'firstTeam', label: '1st XI' },
  { id: 'secondTeam', label: '2nd XI' },
  { id: 'thirdTeam', label: '3rd XI' },
  { id: 'sundayTeam', label: 'Sunday XI' },
];

/** 1st XI chasing 177 in 50 overs: Cleckheaton 148/6 (38.2 ov), need 29 from 70 balls. */
export function chaseInProgress(): Scorecard {
  return new ScorecardBuilder('6123456', 'firstTeam')
    .capturedAt('2025-06-14T16:05:20.000Z', 412)
    .innings('Bradford & Bingley', (i) =>
      i
        .out('A Khan', 'ct J Thurwell b M Hargreaves', 12, 20, 2)
        .out('S Patel', 'b R Dyson', 45, 62, 6, 1)
        .out('T Wood', 'lbw b M Hargreaves', 7, 15, 1)
        .out('J Hirst', 'ct & b S Ahmed', 33, 41, 4, 1)
        .out('D Barker', 'run out (A Lee)', 22, 30, 2)
        .out('L Craven', 'st A Lee b S Ahmed', 9, 14, 1)
        .out('N Ali', 'b R Dyson', 14, 18, 1, 1)
        .out('P Jagger', 'ct C Moss b M Hargreaves', 3, 6)
        .notOut('O Fenton', 11, 12, 1)
        .notOut('K Rhodes', 4, 5)
        .yetToBat('H Brook')
        .extras(16)
        .fallOfWickets(
          '1-19 (A Khan), 2-41 (T Wood), 3-98 (J Hirst), 4-120 (S Patel), 5-137 (L Craven), 6-141 (D Barker), 7-152 (P Jagger), 8-160 (N Ali)',
        )
        .bowler('M Hargreaves', '10', 1, 38, 3, 2)
        .bowler('R Dyson', '10', 2, 29, 2, 1, 1)
        .bowler('J Thurwell', '10', 0, 41, 0, 3)
        .bowler('S Ahmed', '10', 0, 35, 2)
        .bowler('C Moss', '10', 1, 30, 0, 1),
    )
    .innings('Cleckheaton', (i) =>
      i
        .out('J Thurwell', 'ct K Rhodes b O Fenton', 18, 25, 3)
        .out('A Lee', 'b P Jagger', 31, 44, 4, 1)
        .out('M Hargreaves', 'lbw b N Ali', 5, 11, 1)
        .out('R Dyson', 'ct T Wood b O Fenton', 27, 39, 3)
        .out('C Moss', 'run out (D Barker)', 12, 20, 1)
        .out('S Ahmed', 'b K Rhodes', 8, 14, 1)
        .notOut('T Priestley', 24, 30, 2, 1)
        .notOut('W Firth', 9, 16, 1)
        .yetToBat('B Holt', 'G Sykes', 'E Moorhouse')
        .extras(14)
        .fallOfWickets(
          '1-30 (J Thurwell), 2-47 (M Hargreaves), 3-88 (A Lee), 4-101 (R Dyson), 5-112 (S Ahmed), 6-118 (C Moss)',
        )
        .bowler('O Fenton', '10', 1, 33, 2, 1)
        .bowler('P Jagger', '8', 0, 31, 1, 2)
        .bowler('N Ali', '9', 1, 28, 1)
        .bowler('K Rhodes', '7', 0, 30, 1, 0, 1)
        .bowler('H Brook', '4.2', 0, 19, 0),
    )
    .build();
}

/** 2nd XI: bowled Farsley out for 142 and won by 8 wickets. */
export function completedMatch(): Scorecard {
  return new ScorecardBuilder('6124001', 'secondTeam')
    .capturedAt('2025-06-14T17:31:02.000Z', 655)
    .innings('Farsley', (i) =>
      i
        .out('R Green', 'ct B Holt b G Sykes', 4, 9)
        .out('M Shaw', 'b G Sykes', 21, 33, 3)
        .out('D Firth', 'lbw b E Moorhouse', 0, 3)
        .out('G Naylor', 'ct & b J Wood', 38, 52, 5, 1)
        .out('P Ackroyd', 'b J Wood', 17, 28, 2)
        .out('I Hussain', 'ct G Sykes b E Moorhouse', 11, 19, 1)
        .out('C Booth', 'run out (B Holt)', 9, 14, 1)
        .out('F Clegg', 'st A Pickles b J Wood', 13, 18, 1, 1)
        .out('E Lumb', 'b G Sykes', 6, 10)
        .out('T Senior', 'ct A Pickles b E Moorhouse', 2, 7)
        .notOut('J Baines', 1, 4)
        .extras(20)
        .fallOfWickets('1-9, 2-10, 3-58, 4-80, 5-97, 6-106, 7-124, 8-133, 9-139, 10-142')
        .bowler('G Sykes', '10', 2, 31, 3, 2)
        .bowler('E Moorhouse', '9.3', 1, 28, 3, 1)
        .bowler('J Wood', '10', 0, 40, 3)
        .bowler('B Holt', '8', 1, 25, 0, 1, 1)
        .bowler('A Pickles', '4', 0, 12, 0),
    )
    .innings('Cleckheaton', (i) =>
      i
        .out('B Holt', 'ct M Shaw b J Baines', 44, 61, 6)
        .out('A Pickles', 'b E Lumb', 19, 30, 2)
        .notOut('S Walker', 51, 70, 7, 1)
        .notOut('J Wood', 18, 23, 2)
        .yetToBat('G Sykes', 'E Moorhouse', 'K Fox', 'L Dawson', 'N Heald', 'O Crowther', 'R Hirst')
        .extras(11)
        .fallOfWickets('1-50 (A Pickles), 2-97 (B Holt)')
        .bowler('J Baines', '8', 1, 35, 1, 3)
        .bowler('E Lumb', '8', 0, 38, 1, 1, 2)
        .bowler('T Senior', '7.4', 0, 30, 0)
        .bowler('F Clegg', '7', 0, 33, 0, 1),
    )
    .result('Cleckheaton WON BY 8 WICKETS')
    .build();
}

/** 3rd XI: the scorer has opened the match but no ball has been bowled. */
export function waitingForPlay(): Scorecard {
  return new ScorecardBuilder('6124100', 'thirdTeam')
    .capturedAt('2025-06-14T12:45:00.000Z', 3)
    .status('not-started')
    .build();
}

/** A realistic match day: a chase, a finished match, one waiting to start (and the Sunday XI idle). */
export function matchDay(): Scorecard[] {
  return [chaseInProgress(), completedMatch(), waitingForPlay()];
}
