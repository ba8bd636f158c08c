import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { listOutcomes } from '../../src/store/outcomes.js';
import { auditCount } from '../../src/store/audit.js';

const t = makeTestBot();
const ADMIN = 'console:admin';
const REP = 'slack:UREP';
const store = () => t.app.services.store;

describe('/report', () => {
  it('is refused for a user without the reporter role, naming the role (not the admins), and stores nothing', async () => {
    const r = await t.say('discord:999', '/report companies "Sneaky Oy" party=KAMK');
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/reporter role/);
    expect(r.text).not.toContain(ADMIN);
    expect(listOutcomes(store())).toHaveLength(0);
    expect(auditCount(store())).toBe(0);
  });

  it('stores an outcome and confirms it with its id and the new progress', async () => {
    expect((await t.say(ADMIN, `/grant ${REP} reporter`)).ok).toBe(true);
    const r = await t.say(REP, '/report companies "Acme Oy" party=KAMK date=2024-05-01 link=https://example.com/acme business-id=0112038-9 note="spin-off"');
    expect(r.ok).toBe(true);
    expect(r.data.outcome).toEqual({ id: 1, goal: 'companies', status: 'reported' });
    expect(r.text).toContain('#1');
    expect(r.progress[0]).toMatchObject({ goalId: 'companies', count: 1, target: 15 });
    expect(r.sections[0]!.lines[0]).toContain('1 of 15');
  });

  it('accepts the goal by Finnish name or a misspelling, and the party by alias; the date defaults to today in BOT_TIMEZONE', async () => {
    const fi = await t.say(REP, '/report "uudet yritykset" "Beeta Oy" party=kamk', { locale: 'fi' });
    expect(fi.ok).toBe(true);
    expect(fi.text).toContain('Tallennettu');
    const typo = await t.say(REP, '/report compnies "Gamma Oy"');
    expect(typo.ok).toBe(true);
    expect(typo.data.outcome).toMatchObject({ goal: 'companies' });
    // The note names the goal as the reader knows it, not by its id.
    expect(typo.text).toMatch(/took "compnies" to mean new companies\./);
    const stored = listOutcomes(store(), { goalId: 'companies' });
    expect(stored.find((o) => o.title === 'Beeta Oy')).toMatchObject({ partyId: 'KAMK', happenedOn: '2025-06-15' });
  });

  it('uses the date in BOT_TIMEZONE, not UTC, around midnight', async () => {
    // 22:30 UTC on 31 Dec 2024 is already 1 Jan 2025 in Helsinki.
    const late = makeTestBot({ now: () => new Date('2024-12-31T22:30:00.000Z') });
    await late.say(ADMIN, '/report technologies "Midnight tech"');
    expect(listOutcomes(late.app.services.store)[0]!.happenedOn).toBe('2025-01-01');
  });

  const bad: [string, string, RegExp, RegExp][] = [
    ['unknown goal with suggestions', '/report compannnies-x "X Oy"', /goal: I don't know the goal/, /Tavoitetta|tavoitetta/],
    ['a party that is not one (listing the parties)', '/report companies "X Oy" party=Nokia', /party: "Nokia" is not a party of the agreement\. The parties are: .*KAMK/, /"Nokia" ei ole sopimuksen osapuoli\. Osapuolet: .*KAMK/],
    ['empty title', '/report companies ""', /title: must be 2–200 characters/, /otsikossa pitää olla 2–200 merkkiä/],
    ['one-character title', '/report companies "X"', /title: must be 2–200/, /2–200/],
    ['10 kB title', `/report companies "${'x'.repeat(10_240)}"`, /title: must be 2–200 characters \(it has 10240\)/, /nyt 10240/],
    ['impossible date', '/report companies "X Oy" date=2023-02-30', /date: "2023-02-30" is not a real date/, /ei ole oikea päivämäärä/],
    ['badly written date', '/report companies "X Oy" date=31/5/2024', /not a real date\. Write it like 2024-05-31 or 31\.5\.2024/, /Kirjoita esim\. 31\.5\.2024/],
    ['impossible day-first date', '/report companies "X Oy" date=30.2.2024', /date: "30\.2\.2024" is not a real date/, /ei ole oikea päivämäärä/],
    ['future day-first date, echoed as typed', '/report companies "X Oy" date=16.6.2025', /date: 16\.6\.2025 is in the future/, /16\.6\.2025 on tulevaisuudessa/],
    ['future date', '/report companies "X Oy" date=2025-06-16', /date: 2025-06-16 is in the future/, /tulevaisuudessa/],
    ['date before 2021', '/report companies "X Oy" date=2020-12-31', /before the agreement period/, /ennen sopimuskauden alkua/],
    ['non-http link', '/report companies "X Oy" link=javascript:alert(1)', /link: "javascript:alert\(1\)" is not an http\(s\) address/, /ei ole http\(s\)-osoite/],
    ['ftp link', '/report companies "X Oy" link=ftp://example.com', /not an http\(s\) address/, /http\(s\)/],
    ['wrong check digit', '/report companies "X Oy" business-id=0112038-8', /business-id: the check digit of 0112038-8 is wrong/, /tarkistusnumero ei täsmää/],
    ['malformed business id', '/report companies "X Oy" business-id=ABC', /is not a Finnish Business ID/, /ei ole Y-tunnus/],
    ['unknown field', '/report companies "X Oy" colour=red', /colour: unknown field. The fields are: .*party/, /tuntematon kenttä/],
    ['unbalanced quotes', '/report companies "X Oy', /quotation mark is not closed/, /Lainausmerkki jäi sulkematta/],
    ['missing goal', '/report', /Usage: \/report/, /Käyttö: \/report/],
  ];
  for (const [name, line, en, fi] of bad) {
    it(`refuses ${name} with a clear message in both languages, storing nothing`, async () => {
      const before = listOutcomes(store(), { excludeRetracted: false }).length;
      const audits = auditCount(store());
      const r = await t.say(REP, line, { locale: 'en' });
      expect(r.ok).toBe(false);
      expect(r.text).toMatch(en);
      const rf = await t.say(REP, line, { locale: 'fi' });
      expect(rf.ok).toBe(false);
      expect(rf.text).toMatch(fi);
      expect(listOutcomes(store(), { excludeRetracted: false }).length).toBe(before);
      expect(auditCount(store())).toBe(audits);
    });
  }

  it('offers "did you mean" suggestions for a goal it cannot place', async () => {
    const r = await t.say(REP, '/report datta "X Oy"');
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/Did you mean: .*data-centre-operators/);
  });

  it('refuses a likely duplicate (same normalised title, or same Business ID) pointing at the existing one, unless duplicate=ok', async () => {
    const dupTitle = await t.say(REP, '/report companies "ACME  oy."');
    expect(dupTitle.ok).toBe(false);
    expect(dupTitle.text).toMatch(/#1 "Acme Oy".*reported by slack:UREP on 15 Jun 2025/);
    expect(dupTitle.data).toMatchObject({ error: 'duplicate', duplicateOf: [1] });
    const dupId = await t.say(REP, '/report companies "Acme Holding" business-id=0112038-9');
    expect(dupId.ok).toBe(false);
    expect(dupId.text).toMatch(/Business ID 0112038-9/);
    const fi = await t.say(REP, '/report companies "Acme Oy"', { locale: 'fi' });
    expect(fi.text).toMatch(/duplicate=ok/);
    const forced = await t.say(REP, '/report companies "Acme Oy" duplicate=ok');
    expect(forced.ok).toBe(true);
  });

  it('stores hostile and markup titles verbatim', async () => {
    const titles = ["x'); DROP TABLE outcomes;--", '@everyone', '<!channel>', '**bold**', 'Kahvila ☕ Oy 🚀'];
    for (const title of titles) {
      const r = await t.say(REP, `/report service-products "${title}" party=CSC`);
      expect(r.ok, title).toBe(true);
    }
    const stored = listOutcomes(store(), { goalId: 'service-products' }).map((o) => o.title);
    expect(stored.sort()).toEqual([...titles].sort());
    expect((await t.say(ADMIN, '/progress service-products')).text).toContain('5 of more than 20');
  });
});
