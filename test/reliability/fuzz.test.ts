/**
 * Fast fuzz (part of `npm test`): about 2,000 generated inputs — random Unicode, control
 * characters, 100 kB lines, unbalanced quotes, injection strings, malformed dates and numbers,
 * every command with wrong arguments — through the console command path. The full 10,000+
 * run is `fuzz.rel.ts` in the reliability suite. Replay a failure with FUZZ_SEED=<seed>.
 */
import { fuzzSuite } from './fuzz-suite.js';

fuzzSuite('fast fuzz', { nobody: 900, reporter: 450, admin: 450, console: 300 });
