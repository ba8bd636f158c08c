/**
 * Sources a reader can follow (issue 12 item 10): every source in the real knowledge base
 * points at the document itself, or, where only a site's home page is known, its title
 * says what to look for there. The console contract shows those addresses and titles.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { SourceDef } from '../../src/core/knowledge/schema.js';
import { tempDir } from '../helpers/temp.js';

const kb = loadKnowledge(path.join(packageRoot, 'knowledge'));
const cli = path.join(packageRoot, 'dist', 'cli.js');

/** The address names a document: a path below the site root, or a query (e.g. `?p=7579`). */
function isDocumentAddress(url: string): boolean {
  const u = new URL(url);
  return u.pathname.replace(/\/+$/, '') !== '' || u.search !== '';
}

/**
 * A home-page source's title says what to look for: the document's own title in double
 * quotes, and the words "look for" or "search" saying where on the site to find it.
 */
function saysWhatToLookFor(title: string): boolean {
  return /"[^"]{8,}"/.test(title) && /\b(look for|search)\b/i.test(title);
}

/** The rule every source must meet. */
function followable(s: SourceDef): boolean {
  return isDocumentAddress(s.url) || saysWhatToLookFor(s.title);
}

/** The six sources that were bare home pages (five sites), and the site each one belongs to. */
const FORMER_HOME_PAGES: Record<string, string> = {
  KAJ: 'www.kajaani.fi',
  SOT: 'www.sotkamo.fi',
  KH1: 'kajaani.cloudnc.fi',
  KH2: 'kajaani.cloudnc.fi',
  INNO: 'innokaupungit.fi',
  ATOS: 'atos.net',
};

describe('knowledge sources a reader can follow', () => {
  const sources = [...kb.sources.values()];

  it('the rule tells a bare home page from a document, and accepts a home page that says what to look for', () => {
    expect(isDocumentAddress('https://www.kajaani.fi/')).toBe(false);
    expect(isDocumentAddress('https://atos.net')).toBe(false);
    expect(isDocumentAddress('https://innokaupungit.fi/?p=7579')).toBe(true);
    expect(isDocumentAddress('https://www.sotkamo.fi/uutiset/x/')).toBe(true);
    // The entries as they were before this change fail the rule...
    expect(followable({ id: 'INNO', title: 'innokaupungit.fi (InnoCities) article on Kajaani and the Renforsin Ranta business park', url: 'https://innokaupungit.fi/' })).toBe(false);
    expect(followable({ id: 'KAJ', title: 'Kajaani city press release "Kajaanin seudun innovaatioekosysteemisopimus on allekirjoitettu", 9 Feb 2021', url: 'https://www.kajaani.fi/' })).toBe(false);
    // ...and a home page whose title names the document and where to look passes.
    expect(followable({ id: 'X', title: 'City of X press release "The agreement is signed", 9 Feb 2021: look for it under News on the site', url: 'https://x.example/' })).toBe(true);
  });

  it('every source in the knowledge base names a document or says what to look for', () => {
    expect(sources.length).toBeGreaterThan(0);
    const unfollowable = sources.filter((s) => !followable(s)).map((s) => `${s.id}: ${s.url}`);
    expect(unfollowable).toEqual([]);
  });

  it('no two sources share an address (each cites its own document)', () => {
    const byUrl = new Map<string, string[]>();
    for (const s of sources) byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s.id]);
    expect([...byUrl.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('the six former home-page sources keep their ids and now point at a document on their own site', () => {
    for (const [id, host] of Object.entries(FORMER_HOME_PAGES)) {
      const s = kb.sources.get(id);
      expect(s, id).toBeDefined();
      expect(new URL(s!.url).host, id).toBe(host);
      expect(isDocumentAddress(s!.url), `${id}: ${s!.url}`).toBe(true);
    }
  });
});

describe('sources through the console contract (built CLI)', () => {
  it('answers show the document addresses and titles of the cited sources', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, BOT_DB_PATH: path.join(tempDir(), 'bot.db'), LOG_LEVEL: 'silent' };
    const questions = ['What is LUMI?', 'When was the agreement signed?', 'How is the agreement implemented?'];
    const res = spawnSync(process.execPath, [cli, 'console', '--json'], { input: questions.join('\n') + '\n', env, encoding: 'utf8', timeout: 30_000 });
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; answered: boolean; reply: string; sources: SourceDef[] });
    expect(lines).toHaveLength(questions.length);

    const cited = new Map<string, SourceDef>();
    for (const line of lines) {
      expect(line).toMatchObject({ ok: true, answered: true });
      for (const s of line.sources) {
        // Each source shown is the knowledge base's entry, with a followable address...
        expect(s).toEqual(kb.sources.get(s.id));
        expect(followable(s), `${s.id}: ${s.url}`).toBe(true);
        // ...and the plain-text reply carries the same title and address.
        expect(line.reply).toContain(`- ${s.title}: ${s.url}`);
        cited.set(s.id, s);
      }
    }
    // Between them the three answers cite every former home-page source.
    expect([...cited.keys()].filter((id) => id in FORMER_HOME_PAGES).sort()).toEqual(Object.keys(FORMER_HOME_PAGES).sort());
    for (const id of Object.keys(FORMER_HOME_PAGES)) expect(isDocumentAddress(cited.get(id)!.url), id).toBe(true);
  });
});
