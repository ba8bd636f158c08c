/**
 * Follow-ups resolve against the conversation's last frame: a new subject for the same
 * question, a new question about the same subject, "tell me more", "who else?", and
 * out-of-scope follow-ups as honest gaps. A complete new question replaces the topic.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { buildAnswerer } from '../../../src/core/answer/answerer.js';
import { ConversationMemory } from '../../../src/core/conversation-memory.js';
import type { Remembered } from '../../../src/core/answer/types.js';
import type { Reply } from '../../../src/core/reply.js';

const answerer = buildAnswerer(loadKnowledge(path.join(packageRoot, 'knowledge')));

/** One conversation: each line answered with the same memory, as one console session. */
function conversation(): (q: string) => Reply {
  const slot = new ConversationMemory<Remembered>().slotFor('console:local', 'console:test')!;
  return (q) => answerer.answer(q, { lang: answerer.detectLanguage(q, 'en'), hooks: { memory: slot } });
}

describe('elliptical follow-ups', () => {
  it('"and technologies?" keeps the question and changes its subject', () => {
    const say = conversation();
    expect(say('How many new companies is the goal?').text).toContain('15');
    const r = say('and technologies?');
    expect(r.text).toContain('20 new commercialised technologies');
    expect(r.text).not.toContain('15 new companies');
    expect(say('what about service products').text).toContain('more than 20');
  });

  it('"entä CSC?" swaps the party, in Finnish', () => {
    const say = conversation();
    say('mitä KAMK tekee sopimuksessa?');
    const r = say('entä CSC?');
    expect(r.lang).toBe('fi');
    expect(r.text).toMatch(/^CSC – Tieteen tietotekniikan keskus Oy on sopimuksen yhteistyöosapuoli/);
  });

  it('"who signed it?" / "how long is it valid?" keep the subject and ask anew', () => {
    const say = conversation();
    say('When was the agreement signed?');
    expect(say('who signed it for the state?').text).toContain('Lintilä');
    expect(say('how long is it valid?').text).toContain('31 December 2027');
  });

  it('"where is that?" after the data centre goal names the place its entry gives', () => {
    const say = conversation();
    say("what's the target for data centre operators?");
    expect(say('where is that?').text).toMatch(/^Renforsin Ranta business park: .*UPM paper mill/);
  });

  it('"tell me more" adds what the sources say besides what was said', () => {
    const say = conversation();
    const first = say('what is the agreement about?').text;
    const more = say('tell me more').text;
    expect(more).not.toBe(first);
    expect(more).toContain('Innovation and Skills in Finland');
    expect(more).not.toContain(first.split('. ')[0]!);
  });

  it('"kerro lisää" with nothing to follow asks what to tell more about, answered: false', () => {
    const r = conversation()('kerro lisää');
    expect(r.answered).toBe(false);
    expect(r.lang).toBe('fi');
  });

  it('"who else?" lists the rest of the group just asked about', () => {
    const say = conversation();
    expect(say('Is KAMK a CEMIS partner?').text).toMatch(/^Yes\./);
    const r = say('who else?').text;
    expect(r).toMatch(/^The other CEMIS partners among the parties are/);
    for (const name of ['University of Oulu', 'University of Jyväskylä', 'CSC', 'VTT MIKES']) expect(r).toContain(name);
    expect(r).not.toContain('KAMK');
  });

  it('"how many are there?" counts what was just listed; "is OKM one of them?" asks about that group', () => {
    const say = conversation();
    say('Who are the parties?');
    expect(say('how many are there?').text).toContain('13 parties');
    expect(say('and how many contracting parties?').text).toContain('There are 3 contracting parties');
    expect(say('is OKM one of them?').text).toMatch(/^No\. .*cooperation party/);
  });

  it('an out-of-scope follow-up is an honest gap about the subject, not the previous answer again', () => {
    const say = conversation();
    const first = say('What does CSC do?');
    const r = say('and their opening hours?');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/^The agreement's sources don't give opening hours for CSC/);
    expect(r.text).not.toBe(first.text);
  });

  it('a complete new question replaces the topic and is not coloured by it', () => {
    const say = conversation();
    say('What does VTT MIKES do?');
    const r = say('When does the agreement end?');
    expect(r.text).toContain('2027');
    expect(r.text).not.toContain('VTT');
    // The new topic is the one followed up now.
    expect(say('and the goals?').text).toContain('2029');
  });

  it('small talk keeps the topic for the next follow-up', () => {
    const say = conversation();
    say('mikä on Kainuun liiton rooli?');
    expect(say('kiitos!').text).toMatch(/^Ole hyvä/);
    expect(say('entä ELY-keskuksen?').text).toContain('ELY');
  });

  it('a follow-up too short to tell its language continues in the conversation’s', () => {
    const say = conversation();
    say('Montako uutta yritystä tavoitellaan?');
    const r = answerer.answer('KAMK?', { lang: 'en', hooks: {} });
    expect(r.lang).toBe('en');
    // Through the same conversation the short follow-up stays Finnish.
    expect(say('KAMK?').lang).toBe('fi');
  });

  it('is stateless without a memory: "and technologies?" alone is a plain question', () => {
    const r = answerer.answer('tell me more', { lang: 'en', hooks: {} });
    expect(r.answered).toBe(false);
    const alone = answerer.answer('what is its street address?', { lang: 'en', hooks: {} });
    expect(alone.text).not.toContain('CSC');
  });
});
