/**
 * The production bundles load through src/boot/code-cache.ts: with the V8 code cache the build
 * wrote, and, when the cache is missing or from another Node (rejected), by compiling as usual.
 * Child processes, because a cache is only accepted or rejected when a script is compiled.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config.js';
import { tempDir } from '../helpers/temp.js';

const loader = path.join(packageRoot, 'src', 'boot', 'code-cache.ts');

/** Runs `file` through runCached in a fresh process; returns its exports' `answer` and how the cache was used. */
function runBundle(file: string, env: Record<string, string> = {}): { answer: unknown; cache: string } {
  const script = `
    import { performance } from 'node:perf_hooks';
    const { runCached } = await import(${JSON.stringify(loader)});
    const exported = runCached(${JSON.stringify(file)});
    const mark = performance.getEntriesByType('mark').find((m) => m.name.startsWith('kajaani:compile:'));
    process.stdout.write(JSON.stringify({ answer: exported.answer, cache: mark.name.split(':').pop() }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: packageRoot, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return JSON.parse(out) as { answer: unknown; cache: string };
}

describe('loading a bundle with its code cache', () => {
  const dir = tempDir('kajaani-code-cache-');
  const bundle = path.join(dir, 'bundle.cjs');
  // A CommonJS bundle with its own require() of a built-in and a function called at load time.
  writeFileSync(bundle, "#!/usr/bin/env node\nconst path = require('node:path');\nfunction twice(x) { return x * 2; }\nmodule.exports = { answer: twice(21), base: path.basename(__filename) };\n");

  it('compiles without a cache, writes one only when the build asks, and uses it next time', () => {
    expect(runBundle(bundle)).toEqual({ answer: 42, cache: 'none' });
    expect(existsSync(`${bundle}.cache`)).toBe(false);
    expect(runBundle(bundle, { KAJAANI_WRITE_CODE_CACHE: '1' })).toEqual({ answer: 42, cache: 'none' });
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(runBundle(bundle)).toEqual({ answer: 42, cache: 'used' });
  });

  it('still runs when the cache is not V8 bytecode for this source (another Node, a damaged file)', () => {
    writeFileSync(`${bundle}.cache`, Buffer.from('not a V8 code cache at all'));
    expect(runBundle(bundle)).toEqual({ answer: 42, cache: 'rejected' });
  });
});

describe('the built bin (test/global-setup.ts runs the build)', () => {
  it('answers through dist/app.cjs with the code cache the build made', () => {
    const r = spawnSync(process.execPath, ['--require', path.join(packageRoot, 'bench', 'lib', 'marks-preload.cjs'), path.join(packageRoot, 'dist', 'cli.js'), 'ask', '--json', 'Who are the parties?'], {
      cwd: tempDir('kajaani-bin-'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_DB_PATH: path.join(tempDir('kajaani-bin-db-'), 'bot.db'), LOG_LEVEL: 'silent' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ lang: 'en', answered: true });
    expect(r.stderr).toContain('"compile:app.cjs:used"');
  });

  it('has a code cache for each SDK bundle that this Node accepts', () => {
    for (const name of ['slack', 'discord']) expect(runBundle(path.join(packageRoot, 'dist', 'vendor', `${name}.cjs`)).cache, name).toBe('used');
  });
});
