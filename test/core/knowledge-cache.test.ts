/**
 * The knowledge caches (parsed YAML, compiled answer index) live in a private folder and trust
 * only entries that verify (issue 11 item 5). The environment is pointed at this file's own
 * temp folders before the loaders are imported, so nothing here touches a real cache.
 */
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const sandbox = mkdtempSync(path.join(os.tmpdir(), 'kajaani-cache-test-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));
// Where the caches were before the fix: a predictable folder under TMPDIR.
process.env.TMPDIR = path.join(sandbox, 'tmp');
mkdirSync(process.env.TMPDIR);
const useCacheHome = (name: string) => {
  process.env.XDG_CACHE_HOME = path.join(sandbox, name);
  return path.join(sandbox, name, 'kajaani-bot');
};
useCacheHome('unused');

const { packageRoot } = await import('../../src/config.js');
const { loadKnowledge, yamlSourceHash } = await import('../../src/core/knowledge/load.js');
const { buildAnswerer } = await import('../../src/core/answer/answerer.js');
const { PrivateCache, onKnowledgeCacheProblem } = await import('../../src/core/knowledge/private-cache.js');
type CacheProblem = import('../../src/core/knowledge/private-cache.js').CacheProblem;

const realDir = path.join(packageRoot, 'knowledge');
const sourcesText = readFileSync(path.join(realDir, 'sources.yaml'), 'utf8');
const EVIL = 'https://evil.example/phish';
const modeOf = (p: string) => (statSync(p).mode & 0o777).toString(8);

/** sources.yaml with every URL replaced by a phishing link: what an attacker would plant. */
function poisonedSources(): unknown {
  const doc = parseYaml(sourcesText) as { sources: { url: string }[] };
  for (const s of doc.sources) s.url = EVIL;
  return doc;
}

/** The cache file holding `sources.yaml` (the one entry whose name carries its source hash). */
const sourcesEntry = (dir: string) => path.join(dir, readdirSync(dir).find((f) => f.includes(yamlSourceHash(sourcesText).slice(0, 32)))!);

let problems: CacheProblem[] = [];
beforeEach(() => {
  problems = [];
  onKnowledgeCacheProblem((p) => problems.push(p));
});

describe('knowledge cache', () => {
  it('keeps its entries in a private folder of the user cache (folder 0700, entries 0600) and serves loads from them', () => {
    const dir = useCacheHome('cache-normal');
    const kb = loadKnowledge(realDir);
    buildAnswerer(kb);
    expect(modeOf(dir)).toBe('700');
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith('yaml-'))).toHaveLength(8);
    expect(files.filter((f) => f.startsWith('index-'))).toHaveLength(1);
    for (const f of files) expect(modeOf(path.join(dir, f)), f).toBe('600');
    expect(problems).toEqual([]);

    // A verified entry is what the next load uses.
    const changed = parseYaml(sourcesText) as { sources: { title: string }[] };
    changed.sources[0]!.title = 'Served from the cache';
    new PrivateCache({ dir }).write('yaml', yamlSourceHash(sourcesText), changed);
    expect([...loadKnowledge(realDir).sources.values()][0]!.title).toBe('Served from the cache');
  });

  it('does not use a cache folder that others can write to, and says so', () => {
    const planted = useCacheHome('cache-planted');
    // Another user got there first: a world-writable folder holding a well-formed entry.
    const scratch = path.join(sandbox, 'scratch');
    new PrivateCache({ dir: scratch }).write('yaml', yamlSourceHash(sourcesText), poisonedSources());
    mkdirSync(planted, { recursive: true });
    chmodSync(planted, 0o777);
    cpSync(sourcesEntry(scratch), path.join(planted, path.basename(sourcesEntry(scratch))));
    // ...and the same in the old predictable folder under TMPDIR.
    const oldDir = path.join(process.env.TMPDIR!, `kajaani-bot-yaml-cache-${process.getuid?.() ?? 'u'}`);
    mkdirSync(oldDir, { recursive: true });
    const oldKey = createHash('sha256').update('v1\0').update(sourcesText).digest('hex').slice(0, 32);
    writeFileSync(path.join(oldDir, `${oldKey}.json`), JSON.stringify(poisonedSources()));

    const kb = loadKnowledge(realDir);
    expect([...kb.sources.values()].map((s) => s.url)).not.toContain(EVIL);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'folder', dir: planted, reason: expect.stringMatching(/mode is 777/) }));
    expect(readdirSync(planted)).toHaveLength(1); // nothing written into it either
  });

  it("refuses a folder owned by another user, or a symbolic link, and builds without a cache", () => {
    const uid = process.getuid?.();
    const dir = path.join(sandbox, 'owned');
    const cache = new PrivateCache({ dir, uid: (uid ?? 0) + 1 });
    cache.write('yaml', 'ab', { x: 1 });
    expect(cache.read('yaml', 'ab')).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'folder', reason: expect.stringMatching(/belongs to uid/) }));

    const target = path.join(sandbox, 'elsewhere');
    mkdirSync(target, { mode: 0o700 });
    const link = path.join(sandbox, 'link');
    symlinkSync(target, link);
    const viaLink = new PrivateCache({ dir: link });
    viaLink.write('yaml', 'ab', { x: 1 });
    expect(viaLink.read('yaml', 'ab')).toBeUndefined();
    expect(readdirSync(target)).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'folder', dir: link, reason: expect.stringMatching(/symbolic link/) }));
  });

  it('ignores a tampered or swapped entry, rebuilds it from the source, and says so', () => {
    const dir = useCacheHome('cache-tampered');
    loadKnowledge(realDir);
    const entry = sourcesEntry(dir);
    const good = readFileSync(entry, 'utf8');
    const firstUrl = [...loadKnowledge(realDir).sources.values()][0]!.url;

    // Payload edited, header kept.
    writeFileSync(entry, good.split(firstUrl).join(EVIL));
    expect([...loadKnowledge(realDir).sources.values()].map((s) => s.url)).not.toContain(EVIL);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'entry', file: entry, reason: expect.stringMatching(/does not match its hash/) }));
    expect(readFileSync(entry, 'utf8')).toBe(good); // rebuilt

    // A valid entry of another file put under this name.
    const other = readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f !== entry && path.basename(f).startsWith('yaml-'))!;
    cpSync(other, entry);
    expect(loadKnowledge(realDir).sources.size).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'entry', file: entry, reason: expect.stringMatching(/built from other inputs/) }));
    expect(readFileSync(entry, 'utf8')).toBe(good);
  });

  it('rebuilds a damaged compiled index and still answers', () => {
    const dir = useCacheHome('cache-index');
    const kb = loadKnowledge(realDir);
    buildAnswerer(kb);
    const index = path.join(dir, readdirSync(dir).find((f) => f.startsWith('index-'))!);
    writeFileSync(index, readFileSync(index, 'utf8').slice(0, -100));
    const answerer = buildAnswerer(kb);
    expect(answerer.answer('how many companies is the goal?', { lang: 'en', hooks: {} }).text).toContain('15');
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'entry', file: index }));
  });
});
