/**
 * No import circle in src/: a module graph with a cycle makes initialisation order matter
 * (a command table read before it is filled), and it is usually a layer leaking into
 * another. Every import counts, type-only ones and lazy `import()` included: a circle of
 * types is the same design problem, only without the crash.
 *
 * A small walk over the source instead of a lint plugin (import-x/no-cycle): it needs no new
 * dependency or TypeScript resolver setup, reads the ~130 files in well under a second, and
 * names the whole circle when it fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** Every .ts file below `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative specifiers a file imports: `import … from`, `export … from`, `import('…')`. */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]!.startsWith('.')) specs.push(m[1]!);
  return specs;
}

/** The module graph of src/: file → the files it imports. */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const deps = importsOf(readFileSync(file, 'utf8')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
    g.set(file, deps);
  }
  return g;
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of g.get(f) ?? []) {
      if (!g.has(d)) continue;
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('the import graph of src/', () => {
  it('reads the imports of every module (the walk itself works)', () => {
    const g = graph();
    expect(g.size).toBeGreaterThan(100);
    expect(g.get(path.join(SRC, 'core', 'bot.ts'))).toContain(path.join(SRC, 'core', 'commands', 'index.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(importsOf("import type { X } from './x.js';\nexport { y } from '../y.js';\nconst z = await import('./z.js');")).toEqual(['./x.js', '../y.js', './z.js']);
  });

  it('has no circle', () => {
    const rel = (f: string) => path.relative(SRC, f);
    expect(cycles(graph()).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });
});
