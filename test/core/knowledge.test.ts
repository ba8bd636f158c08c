import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config.js';
import { KnowledgeError, loadKnowledge } from '../../src/core/knowledge/load.js';
import { KnowledgeHolder } from '../../src/core/services.js';
import { tempDir } from '../helpers/temp.js';

const realDir = path.join(packageRoot, 'knowledge');

function copyOfKnowledge(): string {
  const dir = path.join(tempDir('kajaani-kb-'), 'knowledge');
  cpSync(realDir, dir, { recursive: true });
  return dir;
}

describe('knowledge base', () => {
  const kb = loadKnowledge(realDir);

  it('has all 13 parties with the short-name ids, bilingual and sourced', () => {
    expect(kb.parties.map((p) => p.id).sort()).toEqual(
      ['CSC', 'ELY', 'JYU', 'JYU-Vuokatti', 'KAMK', 'Kainuu', 'Kajaani', 'OKM', 'OY', 'OY-MITY', 'Sotkamo', 'TEM', 'VTT-MIKES'].sort(),
    );
    for (const p of kb.parties) {
      expect(p.name.en && p.name.fi).toBeTruthy();
      expect(p.sources.every((s) => kb.sources.has(s))).toBe(true);
    }
    expect(kb.parties.filter((p) => p.kind === 'contracting').map((p) => p.id).sort()).toEqual(['Kajaani', 'Sotkamo', 'TEM']);
  });

  it('has the seven goals with their targets and comparators', () => {
    const byId = Object.fromEntries(kb.goals.map((g) => [g.id, g]));
    expect(Object.keys(byId).sort()).toEqual(
      ['companies', 'data-centre-operators', 'industrial-measurement-lead', 'olympic-data-strategy', 'service-products', 'sports-data-pool', 'technologies'].sort(),
    );
    expect([byId.companies?.target, byId.companies?.comparator]).toEqual([15, 'exactly']);
    expect([byId.technologies?.target, byId.technologies?.comparator]).toEqual([20, 'exactly']);
    expect([byId['service-products']?.target, byId['service-products']?.comparator]).toEqual([20, 'more-than']);
    expect([byId['data-centre-operators']?.target, byId['data-centre-operators']?.comparator]).toEqual([2, 'at-least']);
    expect(byId['olympic-data-strategy']?.kind).toBe('qualitative');
    for (const g of kb.goals) expect(g.period).toEqual({ from: 2021, to: 2029 });
  });

  it('has two focus areas and the three places', () => {
    expect(kb.focusAreas).toHaveLength(2);
    expect(kb.places.map((p) => p.id).sort()).toEqual(['cemis', 'renforsin-ranta', 'vuokatti']);
  });

  it('stops with the file, the path inside it and the line when a value is wrong', () => {
    const dir = copyOfKnowledge();
    const file = path.join(dir, 'goals.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: 15', 'target: fifteen'));
    let error: unknown;
    try {
      loadKnowledge(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toMatch(/goals\[0\]\.target \(line \d+\): .*number/);
  });

  it('reports YAML syntax errors and unknown source ids', () => {
    const dir = copyOfKnowledge();
    writeFileSync(path.join(dir, 'places.yaml'), 'places:\n  - id: x\n    name: [unclosed\n');
    expect(() => loadKnowledge(dir)).toThrowError(/places\.yaml is invalid:\n.*YAML syntax/);

    const dir2 = copyOfKnowledge();
    const faq = path.join(dir2, 'faq.yaml');
    writeFileSync(faq, readFileSync(faq, 'utf8').replace(/sources: \[[^\]]*\]/, 'sources: [NOPE]'));
    expect(() => loadKnowledge(dir2)).toThrowError(/faq\[0\]\.sources\[0\]: unknown source "NOPE"/);
  });

  it('refuses an id longer than 64 characters (a platform choice value), naming the file, the path and the line', () => {
    const dir = copyOfKnowledge();
    const goals = path.join(dir, 'goals.yaml');
    const parties = path.join(dir, 'parties.yaml');
    writeFileSync(goals, readFileSync(goals, 'utf8').replace('id: companies', `id: ${'g'.repeat(65)}`));
    writeFileSync(parties, readFileSync(parties, 'utf8').replace('id: Kajaani', `id: K${'a'.repeat(64)}`));
    let error: unknown;
    try {
      loadKnowledge(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).file).toBe(parties);
    expect((error as Error).message).toMatch(/parties\[0\]\.id \(line 3\): .*at most 64 characters/);

    writeFileSync(parties, readFileSync(path.join(realDir, 'parties.yaml'), 'utf8'));
    expect(() => loadKnowledge(dir)).toThrowError(/goals\.yaml is invalid:\n {2}- goals\[0\]\.id \(line 3\): .*at most 64 characters/);

    // Exactly 64 is fine.
    writeFileSync(goals, readFileSync(path.join(realDir, 'goals.yaml'), 'utf8').replace('id: companies', `id: ${'g'.repeat(64)}`));
    expect(loadKnowledge(dir).goals[0]!.id).toHaveLength(64);
  });

  it('reloads edits without a restart and keeps serving the old version when an edit is broken', () => {
    const dir = copyOfKnowledge();
    const holder = new KnowledgeHolder(dir);
    const file = path.join(dir, 'goals.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('target: 15', 'target: 16'));
    holder.reload();
    expect(holder.current.goals.find((g) => g.id === 'companies')?.target).toBe(16);
    expect(holder.answerer.answer('how many companies is the target?', { lang: 'en', hooks: {} }).text).toContain('16');

    writeFileSync(file, original.replace('target: 15', 'target: -1'));
    expect(() => holder.reload()).toThrowError(KnowledgeError);
    expect(holder.current.goals.find((g) => g.id === 'companies')?.target).toBe(16);
  });
});

describe('/reload', () => {
  it('lets an admin reload edited files and refuses everyone else', async () => {
    const { createApp } = await import('../../src/main.js');
    const dir = copyOfKnowledge();
    const app = createApp({ BOT_DB_PATH: path.join(tempDir(), 'bot.db'), BOT_KNOWLEDGE_DIR: dir, BOT_ADMINS: 'console:admin', LOG_LEVEL: 'silent' });
    try {
      const file = path.join(dir, 'goals.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('target: 15', 'target: 17'));
      const refused = await app.bot.handle({ platform: 'console', user: 'console:someone', text: '/reload' });
      expect(refused.ok).toBe(false);
      expect(refused.text).toMatch(/admin/);
      expect(app.services.knowledge.current.goals[0]!.target).toBe(15);

      const done = await app.bot.handle({ platform: 'console', user: 'console:admin', text: '/reload' });
      expect(done.ok).toBe(true);
      expect(app.services.knowledge.current.goals[0]!.target).toBe(17);

      writeFileSync(file, 'goals: [');
      const broken = await app.bot.handle({ platform: 'console', user: 'console:admin', text: '/reload' });
      expect(broken.ok).toBe(false);
      expect(broken.text).toContain('goals.yaml');
      expect(app.services.knowledge.current.goals[0]!.target).toBe(17);
    } finally {
      app.close();
    }
  });
});
