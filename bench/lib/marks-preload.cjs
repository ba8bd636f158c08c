/**
 * Preloaded (`node --require`) into the bot processes bench/startup.ts spawns. The bot marks
 * each start-up step on the performance timeline (`kajaani:*`, see src/main.ts); this prints
 * them, in ms since the process's time origin, as one `kajaani-marks {…}` line on stderr when
 * the bot is ready (`start`) or when the process exits (`ask`, `console`). CommonJS, so
 * loading it costs under a millisecond and does not start the ES module loader early.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (see above).
const { performance, PerformanceObserver } = require('node:perf_hooks');

const preload = performance.now();
let printed = false;

function print() {
  if (printed) return;
  printed = true;
  const marks = { 'node:bootstrap': performance.nodeTiming.bootstrapComplete, 'node:preload': preload };
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('kajaani:')) marks[m.name.slice('kajaani:'.length)] = m.startTime;
  process.stderr.write(`kajaani-marks ${JSON.stringify(marks)}\n`);
}

const observer = new PerformanceObserver((list) => {
  if (list.getEntries().some((e) => e.name === 'kajaani:ready')) {
    observer.disconnect();
    print();
  }
});
observer.observe({ entryTypes: ['mark'] });
process.once('exit', print);
