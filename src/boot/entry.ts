#!/usr/bin/env node
/**
 * The `kajaani-bot` bin of the production build (dist/cli.js, written by scripts/bundle.mjs):
 * runs dist/app.cjs, the whole CLI in one file, with its V8 code cache (see code-cache.ts).
 * Unbundled (`tsc` only), dist/cli.js is src/cli.ts itself and this file is not used.
 */
import { fileURLToPath } from 'node:url';
import { runCached } from './code-cache.js';

runCached(fileURLToPath(new URL('./app.cjs', import.meta.url)));
