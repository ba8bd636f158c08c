/**
 * Kinds of question real users type that the first frames missed: target phrasing ("must be
 * founded", "pitää syntyä"), place membership, ordinal follow-ups, summaries, where an event
 * took place, joining, comparisons the sources cannot make and "tell me more" without
 * repeats. Each behaviour is checked on several phrasings, in English and Finnish.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { buildAnswerer } from '../../../src/core/answer/answerer.js';
import type { Remembered } from '../../../src/core/answer/types.js';
import type { Lang } from '../../../src/core/reply.js';

const kb = loadKnowledge(path.join(packageRoot, 'knowledge'));
const answerer = buildAnswerer(kb);
function ask(q: string) {
  const lang: Lang = answerer.detectLanguage(q, 'en');
  return answerer.answer(q, { lang, hooks: {} });
}

/** One conversation: each question answered with the memory of the ones before. */
function conversation(...qs: string[]) {
  let kept: Remembered | undefined;
  const memory = { recall: () => kept, remember: (r: Remembered) => void (kept = r) };
  return qs.map((q) => answerer.answer(q, { lang: answerer.detectLanguage(q, kept?.lang ?? 'en'), hooks: { memory } }));
}

describe('target phrasing', () => {
  it('reads "must / should / pitää / täytyy + verb" as the target, not progress', () => {
    for (const [q, n] of [
      ['how many companies must be founded?', '15'],
      ['how many technologies should be achieved', '20'],
      ['paljonko yrityksia pitaa syntya', '15'],
      ['kuinka monta teknologiaa täytyy kaupallistaa?', '20'],
    ] as const) {
      const r = ask(q);
      expect(r.text, q).toContain(n);
      expect(r.text, q).not.toMatch(/nothing reported|raportoitu/);
    }
  });

  it('reads "by 2029" / "vuoteen 2029 mennessä" as the deadline of the targets', () => {
    expect(ask('what should be achieved by 2029?').sections[0]?.lines.join(' ')).toMatch(/15.*20/s);
    expect(ask('mitä pitää saavuttaa vuoteen 2029 mennessä').sections[0]?.lines.join(' ')).toMatch(/15.*20/s);
    expect(ask('montako palvelutuotetta pitää syntyä vuoteen 2029 mennessä').text).toContain('yli 20');
  });

  it('still reads an explicit "so far" / "tähän mennessä" as progress', () => {
    const r = ask('how many companies have been founded so far');
    expect(r.text + r.sections.flatMap((s) => s.lines).join(' ')).toMatch(/nothing reported/i);
    expect(ask('montako yritystä pitää syntyä tähän mennessä').sections.flatMap((s) => s.lines).join(' ')).toMatch(/raportoitu/);
  });
});

describe('place membership', () => {
  it('answers Yes / Kyllä when the entity’s own entry puts it in the place', () => {
    expect(ask('Is Vuokatti in Sotkamo?').text).toMatch(/^Yes\. .*Sotkamo/);
    expect(ask('onko Vuokatti Sotkamossa').text).toMatch(/^Kyllä\. .*Sotkamossa/);
    expect(ask('is renforsin ranta located in kajaani').text).toMatch(/^Yes\. .*Kajaani/);
  });

  it('answers No / Ei with where the entry puts it, and two municipalities are never one inside the other', () => {
    expect(ask('is Renforsin Ranta in Sotkamo?').text).toMatch(/^No\. .*Kajaani/);
    expect(ask('onko vuokatti kajaanissa').text).toMatch(/^Ei\. .*Sotkamossa/);
    expect(ask('is Sotkamo in Kajaani?').text).toMatch(/^No\. /);
  });

  it('says a university is there through its unit, without a plain Yes', () => {
    const r = ask('is JYU in Sotkamo');
    expect(r.text).not.toMatch(/^(Yes|No)\./);
    expect(r.text).toContain('Vuokatti, Sotkamo');
  });

  it('is an honest gap when the entry names no place', () => {
    const r = ask('is the ELY centre in Kajaani?');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/don't say whether .*ELY.* is in Kajaani/);
  });
});

describe('ordinal follow-ups', () => {
  it('picks the member of the list just given, in the order listed, and keeps the list for the next one', () => {
    const [, second, third, last] = conversation('what are the goals?', 'and the second one?', 'and the third?', 'the last one?');
    expect(second!.text).toMatch(/20 new commercialised technologies/);
    expect(third!.text).toMatch(/more than 20 new service products/);
    expect(last!.text).toMatch(/industrial measurements/);
    const fi = conversation('mitkä ovat painopisteet', 'entä toinen', 'entä ensimmainen');
    expect(fi[1]!.text).toMatch(/^Painopiste 2/);
    expect(fi[2]!.text).toMatch(/^Painopiste 1/);
  });

  it('picks from the kind a question names, and leaves other uses of "first" / "seven" alone', () => {
    expect(ask('what is the first goal?').text).toContain('15 new companies');
    expect(ask('kuka on toinen sopijaosapuoli?').text).toContain('Sotkamo');
    expect(ask('luettele kaikki seitsemän tavoitetta').sections[0]?.lines).toHaveLength(7);
    expect(ask('when did the first two-year period end?').text).toContain('2021');
  });
});

describe('tell me more', () => {
  it('says no fact twice in one reply', () => {
    const [, more] = conversation('how many companies is the goal?', 'tell me more');
    const said = more!.text.match(/15 new companies/g) ?? [];
    expect(said.length).toBeLessThanOrEqual(1);
    expect(more!.text).not.toContain('The targets are 15 new companies and 20');
  });
});

describe('comparisons the sources hold no numbers for', () => {
  it('is an honest gap that still says what the sources say of each, never a Yes/No', () => {
    for (const q of ['is KAMK bigger than CSC?', 'onko KAMK isompi kuin CSC', 'which is older, KAMK or CSC?']) {
      const r = ask(q);
      expect(r.answered, q).toBe(false);
      expect(r.text, q).not.toMatch(/^(Yes|No|Kyllä|Ei)\./);
      expect(r.text, q).toMatch(/KAMK.*CSC/s);
    }
  });

  it('still compares goals by their targets, and describes a "difference between"', () => {
    expect(ask('which target is bigger, companies or technologies?').answered).toBe(true);
    expect(ask("What's the difference between OY and OY-MITY?").answered).toBe(true);
  });
});

describe('where an event took place, joining, companies involved', () => {
  it('says the sources do not give where the agreement was signed, then what they do say', () => {
    for (const q of ['where was the agreement signed?', 'missä sopimus allekirjoitettiin']) {
      const r = ask(q);
      expect(r.answered, q).toBe(false);
      expect(r.text, q).toMatch(/Lintilä/);
    }
    expect(ask('when was the agreement signed').answered).toBe(true);
  });

  it('never answers "can we join" Yes: who may join is a gap, with the parties the sources list', () => {
    for (const q of ['can we join?', 'can companies participate?', 'voiko yritys liittya mukaan?']) {
      const r = ask(q);
      expect(r.answered, q).toBe(false);
      expect(r.text, q).not.toMatch(/^(Yes|Kyllä)\./);
      expect(r.text, q).toMatch(/Sotkamo/);
    }
  });

  it('answers "are companies involved?" with the parties and the companies goal, without a verdict', () => {
    for (const q of ['are companies involved?', 'onko mukana yrityksia']) {
      const r = ask(q);
      expect(r.answered, q).toBe(true);
      expect(r.text, q).not.toMatch(/^(Yes|No|Kyllä|Ei)\./);
      expect(r.text, q).toMatch(/CSC.*15/s);
    }
  });
});

describe('summaries', () => {
  it('gives the agreement in a few sentences: what it covers, who made it, its goals', () => {
    for (const q of ['what is the agreement about, in short?', 'kerro lyhyesti sopimuksesta', 'sopimus tiivistetysti?']) {
      const r = ask(q);
      expect(r.text, q).toMatch(/(measurement|mittaustekniikka).*Sotkamo.*15/s);
    }
  });

  it('keeps a summary of one entity to that entity', () => {
    expect(ask('about CSC, in short').text).toMatch(/^CSC/);
    expect(ask('tiivistetysti mikä on KAMK').answered).toBe(true);
  });
});
