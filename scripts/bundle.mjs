/**
 * The production build's bundles (run by `npm run build` after tsc):
 *   dist/cli.js              the `kajaani-bot` bin: src/boot/entry.ts, which runs dist/app.cjs
 *   dist/app.cjs             src/cli.ts with everything it imports (the core, zod, pino...)
 *   dist/vendor/slack.cjs    @slack/bolt and @slack/web-api, loaded when Slack starts
 *   dist/vendor/discord.cjs  discord.js, loaded when Discord starts
 * and a V8 code cache next to each (`*.cjs.cache`, see src/boot/code-cache.ts).
 *
 * Why: Node 20 loads ~200 ES modules of ours and zod's and ~1,000 CommonJS files of Bolt's
 * and discord.js's one by one, and compiles them on every start. One file per stage, with
 * the bytecode V8 made for it at build time, starts much faster. The `ask` and console paths
 * load dist/app.cjs only.
 *
 * The rest of dist/ (tsc's output, one file per module) stays: tests and tools import it,
 * and it still runs on its own. Native modules (better-sqlite3, @resvg/resvg-js) stay
 * external and load from node_modules; so does `yaml`, which load.ts requires only when a
 * knowledge file is not cached. Not minified, with linked source maps: stack traces name
 * the functions and point into the bundle (its `// src/...` comments say which file).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const NATIVE = ['better-sqlite3', '@resvg/resvg-js'];

/**
 * The answer engine's source, hashed as index-cache.ts does at run time from its own folder
 * (here recursively): in the bundle, that folder is dist/, which holds bundles.
 */
function answerCodeHash() {
  const dir = path.join(root, 'src', 'core', 'answer');
  const h = createHash('sha256');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name)) h.update(path.relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Settings every bundle shares. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

/**
 * discord.js and @discordjs/rest each carry their own copy of undici 6 (npm could not hoist
 * it over the undici 7 other packages use): bundle one. Only the same version is merged.
 */
const oneUndici = {
  name: 'one-undici',
  setup(b) {
    const pick = path.join(root, 'node_modules', 'discord.js', 'node_modules', 'undici');
    let version;
    try {
      version = JSON.parse(readFileSync(path.join(pick, 'package.json'), 'utf8')).version;
    } catch {
      return;
    }
    b.onResolve({ filter: /^undici$/ }, (args) => {
      const own = args.resolveDir.match(/^(.*\/node_modules\/(?:@discordjs\/rest|discord\.js))\//);
      if (!own) return undefined;
      const local = path.join(own[1], 'node_modules', 'undici', 'package.json');
      try {
        if (JSON.parse(readFileSync(local, 'utf8')).version !== version) return undefined;
      } catch {
        return undefined;
      }
      return { path: path.join(pick, JSON.parse(readFileSync(path.join(pick, 'package.json'), 'utf8')).main ?? 'index.js') };
    });
  },
};

/** In dist/app.cjs, the SDKs come from the vendor bundles (through the code cache). */
const sdkFromVendor = {
  name: 'sdk-from-vendor',
  setup(b) {
    const map = { '@slack/bolt': ['slack', 'bolt'], '@slack/web-api': ['slack', 'webApi'], 'discord.js': ['discord', null] };
    b.onResolve({ filter: /^(@slack\/bolt|@slack\/web-api|discord\.js)$/ }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => {
      const [bundle, key] = map[args.path];
      return {
        contents: `const { vendor } = require(${JSON.stringify(path.join(root, 'src', 'boot', 'code-cache.ts'))});\nmodule.exports = vendor(${JSON.stringify(bundle)})${key ? `.${key}` : ''};\n`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

rmSync(path.join(dist, 'vendor'), { recursive: true, force: true });
rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });

await build({
  ...common,
  stdin: { contents: "module.exports = { bolt: require('@slack/bolt'), webApi: require('@slack/web-api') };", resolveDir: root, sourcefile: 'vendor-slack.js' },
  format: 'cjs',
  outfile: 'dist/vendor/slack.cjs',
  external: NATIVE,
});
await build({
  ...common,
  stdin: { contents: "module.exports = require('discord.js');", resolveDir: root, sourcefile: 'vendor-discord.js' },
  format: 'cjs',
  outfile: 'dist/vendor/discord.cjs',
  external: NATIVE,
  plugins: [oneUndici],
});
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  format: 'cjs',
  outfile: 'dist/app.cjs',
  external: [...NATIVE, 'yaml'],
  plugins: [sdkFromVendor],
  // ES module code asks import.meta.url for its own location; in the bundle that is app.cjs.
  define: { 'import.meta.url': '__kajaaniModuleUrl', KAJAANI_ANSWER_CODE_HASH: JSON.stringify(answerCodeHash()) },
  banner: { js: "const __kajaaniModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: ['src/boot/entry.ts'],
  format: 'esm',
  outfile: 'dist/cli.js',
});
chmodSync(path.join(dist, 'cli.js'), 0o755);

// The code caches: V8's bytecode after a real run, by the Node that built (and will run) it.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kajaani-build-'));
try {
  const env = { PATH: process.env.PATH, HOME: tmp, BOT_DB_PATH: path.join(tmp, 'cache.db'), LOG_LEVEL: 'silent', KAJAANI_WRITE_CODE_CACHE: '1' };
  execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'ask', 'How many new companies is the goal?'], { env, cwd: tmp, stdio: 'ignore' });
  const loadVendors = `const { runCached } = await import(${JSON.stringify(path.join(dist, 'boot', 'code-cache.js'))}); for (const n of ['slack', 'discord']) runCached(${JSON.stringify(path.join(dist, 'vendor'))} + '/' + n + '.cjs');`;
  execFileSync(process.execPath, ['--input-type=module', '-e', loadVendors], { env, cwd: tmp, stdio: 'ignore' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
