/**
 * Loads and validates the knowledge base from YAML files. A broken file throws a
 * `KnowledgeError` naming the file, the path inside it (and its line) and what is wrong.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import {
  agreementSchema,
  conceptsFileSchema,
  faqFileSchema,
  focusAreasFileSchema,
  goalsFileSchema,
  partiesFileSchema,
  placesFileSchema,
  sourcesFileSchema,
  type KnowledgeBase,
} from './schema.js';
import { knowledgeCache } from './private-cache.js';

/** A problem in one knowledge file. */
export class KnowledgeError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: string[],
  ) {
    super(`Knowledge file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

function formatPath(p: ReadonlyArray<PropertyKey>): string {
  if (p.length === 0) return '(top level)';
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

/**
 * Parsed YAML, cached as JSON by content hash. Parsing the knowledge YAML is most of a
 * cold start (~150 ms of a one-shot `ask`); JSON.parse of the same data takes ~1 ms.
 * The cache only speeds up the happy path: an invalid file is always re-read as YAML so
 * errors carry line numbers. Any cache problem falls back to parsing. The cache folder is
 * private and its entries are verified (private-cache.ts).
 */

/** The YAML parser, loaded only when a file is not cached (its import alone costs ~50 ms). */
const requireCjs = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlModule ??= requireCjs('yaml') as typeof Yaml;
  return yamlModule;
}

/** What a parsed-YAML cache entry is built from: the file's text (and the parse format). */
export function yamlSourceHash(text: string): string {
  return createHash('sha256').update('v1\0').update(text).digest('hex');
}

function cachedParse(text: string): unknown {
  const cache = knowledgeCache();
  const source = yamlSourceHash(text);
  const cached = cache.read('yaml', source);
  if (cached !== undefined) return cached;
  const doc = yaml().parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const value: unknown = doc.toJS();
  cache.write('yaml', source, value);
  return value;
}

/** Reads one YAML file and validates it with a schema. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KnowledgeError(file, [`cannot read the file: ${(err as Error).message}`]);
  }
  const fast = cachedParse(text);
  if (fast !== undefined) {
    const quick = schema.safeParse(fast);
    if (quick.success) return quick.data;
  }
  const { LineCounter, parseDocument, isNode } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new KnowledgeError(file, doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`));
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new KnowledgeError(
    file,
    result.error.issues.map((issue) => {
      const node = doc.getIn(issue.path as (string | number)[], true);
      const at = isNode(node) && node.range ? ` (line ${lineCounter.linePos(node.range[0]).line})` : '';
      return `${formatPath(issue.path)}${at}: ${issue.message}`;
    }),
  );
}

/** Loads the whole knowledge base from a folder and checks cross-references. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const f = (name: string) => path.join(dir, name);
  const sources = loadYamlFile(f('sources.yaml'), sourcesFileSchema).sources;
  const agreement = loadYamlFile(f('agreement.yaml'), agreementSchema);
  const parties = loadYamlFile(f('parties.yaml'), partiesFileSchema).parties;
  const focusAreas = loadYamlFile(f('focus-areas.yaml'), focusAreasFileSchema).focusAreas;
  const goals = loadYamlFile(f('goals.yaml'), goalsFileSchema).goals;
  const places = loadYamlFile(f('places.yaml'), placesFileSchema).places;
  const faq = loadYamlFile(f('faq.yaml'), faqFileSchema).faq;
  const concepts = loadYamlFile(f('concepts.yaml'), conceptsFileSchema).concepts;

  const sourceMap = new Map(sources.map((s) => [s.id, s]));
  const checkRefs = (file: string, entries: { sources: string[] }[], key: string) => {
    const problems: string[] = [];
    entries.forEach((e, i) =>
      e.sources.forEach((s, j) => {
        if (!sourceMap.has(s)) problems.push(`${key}[${i}].sources[${j}]: unknown source "${s}" (define it in sources.yaml)`);
      }),
    );
    if (problems.length > 0) throw new KnowledgeError(f(file), problems);
  };
  const checkUnique = (file: string, entries: { id: string }[], key: string) => {
    const seen = new Set<string>();
    const problems: string[] = [];
    entries.forEach((e, i) => {
      if (seen.has(e.id.toLowerCase())) problems.push(`${key}[${i}].id: duplicate id "${e.id}"`);
      seen.add(e.id.toLowerCase());
    });
    if (problems.length > 0) throw new KnowledgeError(f(file), problems);
  };
  checkRefs('agreement.yaml', [agreement], 'agreement');
  checkRefs('agreement.yaml', agreement.facts, 'facts');
  checkRefs('parties.yaml', parties, 'parties');
  checkRefs('focus-areas.yaml', focusAreas, 'focusAreas');
  checkRefs('goals.yaml', goals, 'goals');
  checkRefs('places.yaml', places, 'places');
  checkRefs('faq.yaml', faq, 'faq');
  checkUnique('parties.yaml', parties, 'parties');
  checkUnique('goals.yaml', goals, 'goals');
  checkUnique('faq.yaml', [...agreement.facts, ...faq], 'faq');

  return { agreement, sources: sourceMap, parties, focusAreas, goals, places, faq, concepts };
}
