/**
 * The compiled answer index (lexicon + candidate bags), cached on disk. Compiling stems
 * thousands of words and analyses every alias and example question: ~0.3 s of a cold start,
 * against ~10 ms to read the snapshot. The cache key covers the knowledge base's content and
 * the answer engine's own code, so an edit to either builds afresh; any cache problem just
 * means building. The cache folder is private and entries are verified (knowledge/private-cache.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../knowledge/schema.js';
import { knowledgeCache } from '../knowledge/private-cache.js';
import { buildCandidates, buildLexicon } from './candidates.js';
import { Lexicon, type LexiconSnapshot } from './lexicon.js';
import type { Candidate } from './types.js';

/** Bump when the snapshot's shape changes. */
const FORMAT = 'index-v1';

interface Snapshot {
  lexicon: LexiconSnapshot;
  candidates: (Omit<Candidate, 'bag'> & { bag: [string, number][] })[];
}

let codeHash: string | undefined;

/** The answer engine's source hash, set by the bundler (scripts/bundle.mjs); undefined otherwise. */
declare const KAJAANI_ANSWER_CODE_HASH: string | undefined;

/** A hash of the .ts/.js files in a folder and all its subfolders, by relative path and content. */
export function sourceHash(dir: string): string {
  const h = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
  for (const f of files.filter((n) => /\.(js|ts)$/.test(n)).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

/** The answer engine's code hash: the bundler's, or this folder and its subfolders (the .ts under vitest, the .js when built). */
function answerCodeHash(): string {
  if (codeHash === undefined && typeof KAJAANI_ANSWER_CODE_HASH === 'string') codeHash = KAJAANI_ANSWER_CODE_HASH;
  codeHash ??= sourceHash(path.dirname(fileURLToPath(import.meta.url)));
  return codeHash;
}

function keyFor(kb: KnowledgeBase): string {
  const content = JSON.stringify({ ...kb, sources: [...kb.sources] });
  return createHash('sha256').update(FORMAT).update(answerCodeHash()).update(content).digest('hex').slice(0, 32);
}

function build(kb: KnowledgeBase): { lexicon: Lexicon; candidates: Candidate[] } {
  const lexicon = buildLexicon(kb);
  return { lexicon, candidates: buildCandidates(kb, lexicon) };
}

/** The compiled index for a knowledge base, from the cache when it is there. */
export function compiledIndex(kb: KnowledgeBase): { lexicon: Lexicon; candidates: Candidate[] } {
  let key: string;
  try {
    key = keyFor(kb);
  } catch {
    return build(kb);
  }
  const cache = knowledgeCache();
  const snap = cache.read('index', key) as Snapshot | undefined;
  if (snap !== undefined) {
    try {
      return { lexicon: new Lexicon(snap.lexicon), candidates: snap.candidates.map((c) => ({ ...c, bag: new Map(c.bag) })) };
    } catch {
      // A verified entry of another shape (an older build): build below.
    }
  }
  const index = build(kb);
  const fresh: Snapshot = { lexicon: index.lexicon.toSnapshot(), candidates: index.candidates.map((c) => ({ ...c, bag: [...c.bag] })) };
  cache.write('index', key, fresh);
  return index;
}
