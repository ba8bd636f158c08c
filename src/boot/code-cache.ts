/**
 * Loads the production bundles (dist/app.cjs, dist/vendor/*.cjs, built by scripts/bundle.mjs)
 * with a V8 code cache. Most of a cold start is V8 compiling JavaScript: the bot's own code,
 * zod and pino, and above all discord.js and Bolt. Node 20 has no compile cache for modules
 * (`module.enableCompileCache()` arrived in Node 22), but `vm.Script` accepts `cachedData`:
 * the bytecode V8 produced for the same source on an earlier run. Each bundle is one
 * CommonJS file, so one `vm.Script` with one cache file next to it covers all of it.
 *
 * The cache files are written by the build (`npm run build`), never by a running bot: they
 * sit next to the code with the same owner and permissions, so no other user can plant one
 * (a cache in a shared temp folder could be). V8 rejects a cache made by another Node/V8
 * version or with other flags; the bundle is then compiled as usual, only slower.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Set to `1` by the build to write each bundle's cache when the process exits. */
const WRITE_ENV = 'KAJAANI_WRITE_CODE_CACHE';

const loaded = new Map<string, unknown>();

/**
 * Runs a CommonJS bundle once (later calls return the same exports), with the V8 code cache
 * `<file>.cache` when there is one. Its `require` resolves from the bundle's folder, as
 * Node's own loader would.
 */
export function runCached(file: string): unknown {
  const done = loaded.get(file);
  if (done !== undefined) return done;
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // A hashbang is fine at the top of a file but not inside the CommonJS wrapper.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // Bundled code may still import() an optional package (discord.js: zlib-sync).
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Marked for bench/startup.ts: the compile step, and whether the cache was used.
  const use = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  performance.mark(`kajaani:compile:${path.basename(file)}:${use}`);
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  loaded.set(file, mod.exports);
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  loaded.set(file, mod.exports);
  if (process.env[WRITE_ENV] === '1') {
    // After the run, so the cache also holds the functions compiled while it ran.
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    });
  }
  return mod.exports;
}

/**
 * A platform SDK bundle from dist/vendor/ (`slack`: Bolt and the Web API; `discord`:
 * discord.js). The bundle's own imports of '@slack/bolt' and 'discord.js' lead here.
 */
export function vendor(name: 'slack' | 'discord'): unknown {
  return runCached(fileURLToPath(new URL(`./vendor/${name}.cjs`, import.meta.url)));
}
