/**
 * A light load check in `npm test`: 40 concurrent signed Slack slash commands and 40 Discord
 * interactions (see load-run.ts; the 200 + 200 version is load.rel.ts).
 */
import { defineLoadSuite } from './load-suite.js';

defineLoadSuite('load (light)', 40);
