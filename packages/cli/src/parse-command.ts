import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseMatchPage, ScorecardParseError } from '@live-scores/parser';

const HELP = `Usage: live-scores parse <page.html> [--team ID] [--url URL]

Prints the Scorecard JSON of a saved match page (the whole page, or the header and
scorecard fragments). Exits 1 with a one-line reason when the file is not a scorecard.

  --team ID   the club team id to stamp on the scorecard (default "firstTeam")
  --url URL   the match page URL, when the saved file does not name it`;

export async function runParseCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        team: { type: 'string', default: 'firstTeam' },
        url: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`live-scores parse: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(HELP);
    return 2;
  }

  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    console.error(
      `live-scores parse: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
    return 1;
  }
  try {
    const scorecard = parseMatchPage(html, { teamId: parsed.values.team, url: parsed.values.url });
    console.log(JSON.stringify(scorecard, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof ScorecardParseError) {
      console.error(`live-scores parse: ${file}: ${error.reason}`);
      return 1;
    }
    throw error;
  }
}
