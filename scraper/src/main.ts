import { main } from './scrape-command.ts';

await main();
