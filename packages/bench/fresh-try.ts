import { freshnessBenchmark } from '@live-scores/bench';
const t = Date.now();
const r = await freshnessBenchmark({ speed: 400, oversPerSide: 4 }).run();
console.log(JSON.stringify(r, null, 1), (Date.now() - t) / 1000);
