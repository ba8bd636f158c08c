/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the top functions by self time and the
 * packages / source folders the time is spent in. Used to explain a missed target:
 *   npx tsx bench/profile.ts <file.cpuprofile> [top]
 * `BENCH_PROFILE=1 npm run bench` writes profiles of the bot's processes to a temp folder.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script lives: `pkg:<name>` for node_modules, `src/<folder>`, `node:internal`… */
export function area(url: string): string {
  if (url === '') return '(native/gc/idle)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `pkg:${nm[1]}`;
  if (url.startsWith('node:')) return 'node:internal';
  const src = /\/(src|dist|bench|test)\/(([^/]+)\/)?/.exec(url);
  if (src) return `${src[1]}/${src[3] ?? ''}`;
  return url;
}

/** `name path:line`, the path from node_modules/, src/… on. */
function key(n: ProfileNode): string {
  const name = n.callFrame.functionName || '(anonymous)';
  const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*?\/(node_modules|src|dist|bench|test)\//, '$1/')}:${n.callFrame.lineNumber + 1}` : '';
  return `${name} ${where}`.trim();
}

/** Self time per function and per area (ms), largest first. */
export function summarise(profile: CpuProfile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const k = key(n);
    fn.set(k, (fn.get(k) ?? 0) + us);
    const a = area(n.callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  // Total (inclusive) time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (k.startsWith('(') || !/\b(src|dist\/(adapters|core|store))\//.test(k)) continue;
      seen.add(k);
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  const lines = [`total ${(total / 1000).toFixed(0)} ms sampled`, '', 'self time by area:'];
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${a}`);
  lines.push('', 'top functions by self time:');
  for (const [k, us] of [...fn].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push('', 'top project functions by total (inclusive) time:');
  for (const [k, us] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: tsx bench/profile.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 15))}\n`);
}
