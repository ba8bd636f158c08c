/**
 * Full fuzz (reliability suite): 12,000 generated inputs through the console command path,
 * as a user with no role, as a reporter (invalid reports only) and as an admin (wrong
 * arguments only), plus the console loop. Replay a failure with FUZZ_SEED=<seed>.
 */
import { fuzzSuite } from './fuzz-suite.js';

fuzzSuite('full fuzz', { nobody: 6_000, reporter: 2_500, admin: 2_500, console: 1_000 });
