/**
 * The full load check (`npm run test:reliability` only): 200 concurrent signed Slack slash
 * commands and 200 Discord interactions (see load-run.ts; load.test.ts runs 40 + 40 in
 * `npm test`).
 */
import { defineLoadSuite } from './load-suite.js';

defineLoadSuite('load (200 + 200)', 200);
