import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { buildAnswerer } from '../../src/core/answer/answerer.js';
import { replyToPlainText, type Lang } from '../../src/core/reply.js';

const kb = loadKnowledge(path.join(packageRoot, 'knowledge'));
const answerer = buildAnswerer(kb);

function ask(q: string, lang?: Lang) {
  const l = lang ?? answerer.detectLanguage(q, 'en');
  const r = answerer.answer(q, { lang: l, hooks: {} });
  return { r, text: replyToPlainText(r), best: answerer.understand(q, l).best?.id };
}

describe('answering', () => {
  it('understands Finnish inflection of the same goal', () => {
    for (const q of ['montako yritystä syntyy?', 'yritysten tavoite', 'uusia yrityksiä tavoitellaan kuinka monta', 'yritys tavoite']) {
      expect(ask(q).best, q).toBe('goal:companies');
    }
  });

  it('splits Finnish compounds (datakeskus|tavoite) and answers with the comparator', () => {
    const { best, text } = ask('Mikä on datakeskustavoite?');
    expect(best).toBe('goal:data-centre-operators');
    expect(text).toContain('vähintään 2');
    expect(text).toContain('Renforsin');
  });

  it('understands English variants and clipped questions', () => {
    expect(ask('how many startups?').best).toBe('goal:companies');
    expect(ask('data center operators target').best).toBe('goal:data-centre-operators');
    expect(ask('commercialized tech goal').best).toBe('goal:technologies');
    expect(ask('focus areas pls').best).toBe('list:focus-areas');
    expect(ask('service product goal').text).toContain('more than 20');
  });

  it('corrects typos in names', () => {
    expect(ask('what does Jyvaskyla uni do').best).toBe('party:JYU');
    expect(ask('is Sotkmo a party?').best).toBe('party:Sotkamo');
  });

  it('states "more than 20" as met at 21 and "at least 2" as is', () => {
    expect(ask('How many service products?').text).toMatch(/more than 20.*met at 21/s);
    expect(ask('paljonko palvelutuotteita tavoitellaan?').text).toContain('yli 20');
  });

  it('answers every party question with its role and sources', () => {
    const { r, text } = ask('What is KAMK?');
    expect(text).toContain('Kajaani University of Applied Sciences');
    expect(text).toMatch(/cooperation party/);
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.sources[0]!.url).toMatch(/^https:\/\//);
  });

  it('lists the parties grouped by role, in the asker language', () => {
    const { r, text } = ask('Keitä osapuolet ovat?');
    expect(r.lang).toBe('fi');
    for (const name of ['Kajaanin kaupunki', 'Sotkamon kunta', 'työ- ja elinkeinoministeriö', 'CSC', 'KAMK', 'Kainuun liitto']) expect(text).toContain(name);
    expect(r.sources.length).toBeLessThanOrEqual(3);
  });

  it('declines questions outside the agreement with example questions, in the asker language', () => {
    for (const q of ["What's the weather in Kajaani tomorrow?", 'write me a poem about autumn', 'asdf qwer zxcv', 'What is the population of Oulu?']) {
      const { r } = ask(q);
      expect(r.answered, q).toBe(false);
      expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
    }
    const fi = ask('Mikä on Suomen pääkaupunki?');
    expect(fi.r.answered).toBe(false);
    expect(fi.r.lang).toBe('fi');
    expect(fi.r.suggestions[0]).toMatch(/osapuolet|tavoit|painopist/i);
  });

  it('offers the other reading when a question is ambiguous', () => {
    const { r } = ask('data centres');
    expect(r.answered).toBe(true);
    expect(r.suggestions.join(' ')).toMatch(/did you mean/i);
  });

  it('answers greetings and help requests with what it can do', () => {
    expect(ask('hi').r.answered).toBe(true);
    expect(ask('mitä osaat?').text).toMatch(/Vastaan kysymyksiin/);
  });

  it('includes live progress when the store provides it', () => {
    const r = answerer.answer('how many companies so far?', {
      lang: 'en',
      hooks: {
        goalProgress: (g) => ({
          row: { goalId: g.id, label: g.name.en, count: 4, target: g.target, comparator: g.comparator, needed: g.target, met: false },
          lines: ['4 of 15 so far'],
        }),
      },
    });
    expect(replyToPlainText(r)).toContain('4 / 15');
  });
});

describe('language detection', () => {
  it.each([
    ['Keitä sopimuksen osapuolet ovat?', 'fi'],
    ['kumppanit?', 'fi'],
    ['painopistealueet?', 'fi'],
    ['Who are the parties?', 'en'],
    ['focus areas pls', 'en'],
  ] as const)('%s → %s', (q, lang) => {
    expect(answerer.detectLanguage(q, lang === 'fi' ? 'en' : 'fi')).toBe(lang);
  });

  it('falls back to the default for name-only input', () => {
    expect(answerer.detectLanguage('KAMK', 'fi')).toBe('fi');
    expect(answerer.detectLanguage('KAMK', 'en')).toBe('en');
    expect(answerer.detectLanguage('CSC?', 'fi')).toBe('fi');
  });
});

describe('lists and their members', () => {
  it('prefers the goal a question names over the list of goals', () => {
    expect(ask('Montako yritystä tavoitellaan?').best).toBe('goal:companies');
    expect(ask('How many new firms is the goal?').best).toBe('goal:companies');
  });

  it('gives the whole list when all are asked for', () => {
    expect(ask('list all goals').best).toBe('list:goals');
    expect(ask('Mitkä ovat sopimuksen tavoitteet?').best).toBe('list:goals');
    expect(ask('who are the parties').best).toBe('list:parties');
  });

  it('says when a name asked about is not a party', () => {
    const { text } = ask('Is Nokia a party?');
    expect(text).toMatch(/“Nokia” is not among the agreement's parties/);
    expect(text).toContain('Sotkamo');
  });
});

describe('other city regions', () => {
  it('declines questions about another city region, in the asker language', () => {
    expect(ask("What does the Tampere city region's ecosystem agreement focus on?").r.answered).toBe(false);
    const fi = ask('Kerro Oulun kaupunkiseudun ekosysteemisopimuksen tavoitteista');
    expect(fi.r.answered).toBe(false);
    expect(fi.r.lang).toBe('fi');
  });

  it('still reads "Kajaani region" as this agreement, not as the City of Kajaani', () => {
    expect(ask('Which organisations are involved in the Kajaani region innovation ecosystem agreement?').text).toContain('Sotkamo');
  });

  it('answers whether another city is a party', () => {
    expect(ask('Is the University of Helsinki involved?').text).toMatch(/“Helsinki” is not among/);
  });
});

describe('text tools', () => {
  it('computes edit distance with transpositions and an early stop', async () => {
    const { editDistance, letterMask, popcount } = await import('../../src/core/answer/text.js');
    expect(editDistance('sotkmo', 'sotkamo', 2)).toBe(1);
    expect(editDistance('yliopsto', 'yliopisto', 2)).toBe(1);
    expect(editDistance('kmak', 'kamk', 2)).toBe(1);
    expect(editDistance('kajaani', 'helsinki', 2)).toBe(3);
    expect(editDistance('a'.repeat(200), 'a'.repeat(199) + 'b', 2)).toBe(1);
    expect(popcount(letterMask('abc') ^ letterMask('abd'))).toBe(2);
  });
});

describe('compiled index snapshot', () => {
  it('answers the same from a snapshot as from a fresh build', async () => {
    const { buildLexicon, buildCandidates } = await import('../../src/core/answer/candidates.js');
    const { Lexicon } = await import('../../src/core/answer/lexicon.js');
    const fresh = buildLexicon(kb);
    const restored = new Lexicon(JSON.parse(JSON.stringify(fresh.toSnapshot())));
    for (const q of ['Montako yritystä tavoitellaan?', 'is Sotkmo a party', 'datakeskustavoite', 'weather tomorrow']) {
      const a = fresh.analyze(q, 'fi');
      const b = restored.analyze(q, 'fi');
      expect([...b.features].sort()).toEqual([...a.features].sort());
      expect(b.unknown).toEqual(a.unknown);
    }
    expect(buildCandidates(kb, restored).map((c) => [c.id, [...c.bag]])).toEqual(buildCandidates(kb, fresh).map((c) => [c.id, [...c.bag]]));
  });
});
