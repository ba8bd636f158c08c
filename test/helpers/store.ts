/** Store fixtures: a valid outcome's fields and a transpiled copy of src/store (and the title key it uses) for child processes. */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { OutcomeFields } from '../../src/store/outcomes.js';
import { tempDir } from './temp.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Fields for a valid outcome, with overrides. */
export function fields(over: Partial<OutcomeFields> = {}): OutcomeFields {
  const title = over.title ?? 'Acme Oy';
  return {
    goalId: 'companies',
    title,
    titleKey: title.toLowerCase(),
    description: null,
    partyId: 'KAMK',
    happenedOn: '2024-05-01',
    link: null,
    businessId: null,
    ...over,
  };
}

/**
 * Transpiles src/store/*.ts into a temp folder (with a node_modules link so better-sqlite3
 * resolves), so real child processes can write through the same store code.
 * Returns the folder holding `store.js`, `outcomes.js`...
 */
export function transpiledStore(): string {
  const dir = tempDir('kajaani-store-js-');
  const out = path.join(dir, 'store');
  mkdirSync(out);
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  const transpile = (from: string, to: string) => {
    const js = ts.transpileModule(readFileSync(from, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, js);
  };
  for (const name of readdirSync(path.join(root, 'src', 'store')).filter((f) => f.endsWith('.ts'))) transpile(path.join(root, 'src', 'store', name), path.join(out, name.replace(/\.ts$/, '.js')));
  // The one core module the store uses: the title key, which a migration recomputes stored keys with.
  transpile(path.join(root, 'src', 'core', 'outcomes', 'normalise.ts'), path.join(dir, 'core', 'outcomes', 'normalise.js'));
  return out;
}
