/**
 * Issue 12 item 6, the reading on its own: a wish to report in plain words (English and
 * Finnish, with or without ä/ö) → goal, title, party, date…; questions and remarks → null.
 * The suggested line binds back, through the real /report binder and checks, to exactly what
 * was understood. The pre-fill memory forgets after its time to live.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { understandReport } from '../../../src/core/reporting-intent/understand.js';
import { FormPrefills } from '../../../src/core/reporting-intent/prefills.js';

const kb = loadKnowledge(path.resolve(import.meta.dirname, '..', '..', '..', 'knowledge'));
const read = (text: string) => {
  const u = understandReport(text, kb);
  return u && { goal: u.goal?.id, title: u.title, party: u.party?.id, date: u.date, link: u.link, businessId: u.businessId };
};
const parts = (goal?: string, title?: string, party?: string, extra: Record<string, string> = {}) => ({ goal, title, party, date: undefined, link: undefined, businessId: undefined, ...extra });

describe('a wish to report, read from plain words', () => {
  it('reads the examples of the issue, in both languages', () => {
    expect(read('raportoi uusi yritys: Sensorit Oy, KAMK')).toEqual(parts('companies', 'Sensorit Oy', 'KAMK'));
    expect(read('we launched a new service product called Datapalvelu X with CSC')).toEqual(parts('service-products', 'Datapalvelu X', 'CSC'));
    expect(read('I want to report a new company')).toEqual(parts('companies'));
    expect(read('haluan ilmoittaa uuden yrityksen')).toEqual(parts('companies'));
    expect(read('meillä syntyi uusi yritys Testi Oy')).toEqual(parts('companies', 'Testi Oy'));
    expect(read('new company founded: Acme Oy (KAMK)')).toEqual(parts('companies', 'Acme Oy', 'KAMK'));
  });

  it('reads Finnish typed without ä and ö the same', () => {
    expect(read('meilla syntyi uusi yritys Testi Oy')).toEqual(read('meillä syntyi uusi yritys Testi Oy'));
    expect(read('haluaisin lisata uuden yrityksen: Mittari Oy')).toEqual(read('haluaisin lisätä uuden yrityksen: Mittari Oy'));
    expect(read('haluaisin lisata uuden yrityksen: Mittari Oy')).toEqual(parts('companies', 'Mittari Oy'));
  });

  it('reads other phrasings: inflected goals, naming words, quotes, capitalised names, dates, links and Business IDs', () => {
    expect(read('raportoi uusi palvelu nimeltä Datahub 2.0 CSC:n kanssa 15.11.2025')).toEqual(parts('service-products', 'Datahub 2.0', 'CSC', { date: '15.11.2025' }));
    expect(read('KAMK founded a new company Acme Data Oy yesterday')).toEqual(parts('companies', 'Acme Data Oy', 'KAMK', { date: 'yesterday' }));
    expect(read('could you record a new company "Mittari Oy" for KAMK?')).toEqual(parts('companies', 'Mittari Oy', 'KAMK'));
    expect(read('Raportoi uusi yritys Sensorit')).toEqual(parts('companies', 'Sensorit'));
    expect(read('kirjaa uusi kaupallistettu teknologia: Reunalaskenta-alusta, OY-MITY, https://example.fi/uutinen.')).toEqual(
      parts('technologies', 'Reunalaskenta-alusta', 'OY-MITY', { link: 'https://example.fi/uutinen' }),
    );
    expect(read('haluan raportoida uuden datakeskustoimijan: DC Kajaani Oy 1234567-8')).toEqual(parts('data-centre-operators', 'DC Kajaani Oy', undefined, { businessId: '1234567-8' }));
    expect(read('please register a new technology called Edge Sense for OY-MITY')).toEqual(parts('technologies', 'Edge Sense', 'OY-MITY'));
    expect(read('we founded a new company')).toEqual(parts('companies'));
    expect(read('I want to report something')).toEqual(parts());
  });

  it('never reads a company form as the University of Oulu (OY), but reads OY written as a party', () => {
    for (const text of ['meillä syntyi uusi yritys Testi Oy', 'raportoi uusi yritys Oulu Data Oy', 'new company founded: Kajaani Sensors OY', 'lisää uusi yritys Acme Oy']) {
      const u = read(text)!;
      expect(u.party, text).toBeUndefined();
      expect(u.title, text).toMatch(/O[yY]$/);
    }
    expect(read('we launched a new service with OY')).toEqual(parts('service-products', undefined, 'OY'));
  });

  it('leaves questions about reporting, agreement questions and remarks to the answerer', () => {
    for (const text of [
      'how do I report?', 'How do I report an outcome?', 'kuka voi raportoida?', 'Miten raportoin uuden yrityksen?', 'voinko raportoida uuden yrityksen?',
      'how many companies have been founded?', 'how many companies have been founded', 'montako yritystä on perustettu tähän mennessä',
      'companies founded in 2024', 'new companies founded by KAMK', 'report a bug', 'the annual report lists new companies', 'tell me how to report a new company',
      'lisää tietoa uusista yrityksistä', 'what has CSC reported?', 'mitä KAMK on raportoinut?', 'who are the parties?', 'raportointi on tärkeää',
    ]) {
      expect(read(text), text).toBeNull();
    }
  });

  it('reads none of the evaluation questions as a wish to report', () => {
    const dir = path.resolve(import.meta.dirname, '..', '..', 'eval');
    const questions: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'q' && typeof x === 'string') questions.push(x);
          else walk(x);
        }
      }
    };
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(questions.length).toBeGreaterThan(500);
    expect(questions.filter((q) => understandReport(q, kb) !== null)).toEqual([]);
  });
});

describe('the form pre-fills behind suggestion buttons', () => {
  it('gives the values back within the hour, and nothing after it or for an unknown reference', () => {
    let now = 0;
    const prefills = new FormPrefills(() => now);
    const ref = prefills.remember({ command: 'report', values: { goal: 'companies', title: 'Acme Oy' } });
    expect(ref).toMatch(/^[0-9a-f]{12}$/);
    now = 59 * 60 * 1000;
    expect(prefills.get(ref)).toEqual({ command: 'report', values: { goal: 'companies', title: 'Acme Oy' } });
    now = 61 * 60 * 1000;
    expect(prefills.get(ref)).toBeUndefined();
    expect(prefills.get('000000000000')).toBeUndefined();
  });

  it('keeps at most 1,000, forgetting the oldest first', () => {
    const prefills = new FormPrefills(() => 0);
    const first = prefills.remember({ command: 'report', values: {} });
    const refs = Array.from({ length: 1000 }, () => prefills.remember({ command: 'report', values: {} }));
    expect(prefills.get(first)).toBeUndefined();
    expect(prefills.get(refs[0]!)).toBeDefined();
    expect(prefills.get(refs[999]!)).toBeDefined();
  });
});
