/**
 * Issue 12 item 6 through the console contract (`kajaani-bot console --json`, the built CLI):
 * a wish to report in plain words gets the /report line built from the words (in the
 * writer's language, a placeholder where the goal or title is missing), reporters see the
 * form button's label, non-reporters are told who grants the role without any admin being
 * named, questions stay questions, and nothing is stored until the line itself is sent.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/store.js';
import { listOutcomes } from '../../../src/store/outcomes.js';
import { cliPlace, helsinkiToday, type ConsoleLine } from '../../helpers/cli.js';

const place = cliPlace();
const stored = () => {
  const store = openStore(String(place.env.BOT_DB_PATH));
  try {
    return listOutcomes(store, {}).map((o) => ({ goal: o.goalId, title: o.title, party: o.partyId, date: o.happenedOn, by: o.reportedBy }));
  } finally {
    store.close();
  }
};
const suggestion = (l: ConsoleLine) => l.suggestion as { line: string; missing: string[]; values: Record<string, string>; reporter: boolean } | undefined;

describe('reporting in plain words, through the console', () => {
  it('answers a reporter with the line built from the words, in their language, and stores nothing', async () => {
    const out = await place.chat('admin', [
      'raportoi uusi yritys: Sensorit Oy, KAMK',
      'we launched a new service product called Datapalvelu X with CSC',
      'new company founded: Acme Oy (KAMK)',
      'meilla syntyi uusi yritys Testi Oy',
      'haluan ilmoittaa uuden yrityksen',
      'I want to report a new company',
      'I want to report something',
    ]);
    expect(out.map((l) => [l.ok, l.lang, l.answered])).toEqual(Array.from({ length: 7 }, (_, i) => [true, [0, 3, 4].includes(i) ? 'fi' : 'en', true]));
    expect(out[0]!.reply).toMatch(/^Lähetä tämä rivi, niin se tallennetaan: \/report yritykset "Sensorit Oy" party=KAMK\n/);
    expect(out[1]!.reply).toMatch(/^Send this line to store it: \/report service-products "Datapalvelu X" party=CSC\n/);
    expect(out[2]!.reply).toMatch(/^Send this line to store it: \/report companies "Acme Oy" party=KAMK\n/);
    expect(suggestion(out[3]!)).toEqual({ line: '/report yritykset "Testi Oy"', missing: [], values: { goal: 'companies', title: 'Testi Oy' }, reporter: true });
    // What is missing is said, with a placeholder in its place.
    expect(out[4]!.reply).toMatch(/^Raportointia varten tarvitsen vielä otsikon .*: \/report yritykset "<otsikko>"\n/);
    expect(out[5]!.reply).toMatch(/^To report it I still need the title .*: \/report companies "<title>"\n/);
    expect(out[6]!.reply).toMatch(/^To report it I still need the goal and the title .*: \/report <goal> "<title>"\nGoals: companies, technologies, service-products/);
    // Reporters get the form button; the console lists its label.
    expect(out.map((l) => /\[(Open the filled-in form|Avaa täytetty lomake)\]$/.test(l.reply))).toEqual(out.map(() => true));
    expect(out.every((l) => /nothing is stored until you send the line or submit the form|mitään ei tallenneta ennen kuin lähetät rivin tai lähetät lomakkeen/.test(l.reply))).toBe(true);
    expect(stored()).toEqual([]);
  });

  it('stores exactly what was understood once the suggested line is sent', async () => {
    const [first, second] = await place.chat('admin', ['KAMK founded a new company Aamu Data Oy yesterday', 'kirjaa uusi palvelu nimeltä Datahub 2.0 CSC:n kanssa 15.11.2025']);
    const lines = [suggestion(first!)!.line, suggestion(second!)!.line];
    expect(lines[1]).toBe('/report palvelutuotteet "Datahub 2.0" party=CSC date=15.11.2025');
    // "yesterday" becomes its date: the line sent tomorrow must mean the same day.
    const yesterday = new Date(Date.parse(`${helsinkiToday()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(lines[0]).toBe(`/report companies "Aamu Data Oy" party=KAMK date=${yesterday}`);
    expect(stored()).toEqual([]);
    const sent = await place.chat('admin', lines);
    expect(sent.map((l) => l.ok)).toEqual([true, true]);
    expect(stored()).toEqual([
      { goal: 'companies', title: 'Aamu Data Oy', party: 'KAMK', date: yesterday, by: 'console:admin' },
      { goal: 'service-products', title: 'Datahub 2.0', party: 'CSC', date: '2025-11-15', by: 'console:admin' },
    ]);
  });

  it('tells a non-reporter the same line and who grants the role, naming no admin, with no form button', async () => {
    const before = stored().length;
    const [en, fi] = await place.chat('alice', ['we launched a new service product called Datapalvelu Y with CSC', 'raportoi uusi yritys: Sensorit Oy, KAMK']);
    expect(en!.reply).toMatch(/^Send this line to store it: \/report service-products "Datapalvelu Y" party=CSC\n/);
    expect(en!.reply).toContain("You don't have the reporter role yet, so the line would be refused. Ask an admin to grant it: /grant console:alice reporter");
    expect(fi!.reply).toContain('Sinulla ei ole raportoijan (reporter) roolia, joten riviä ei vielä hyväksytä. Pyydä ylläpitäjää antamaan se: /grant console:alice reporter');
    for (const l of [en!, fi!]) {
      expect(suggestion(l)!.reporter).toBe(false);
      expect(l.reply).not.toContain('console:admin');
      expect(l.reply).not.toMatch(/\[.*\]$/);
    }
    expect(stored()).toHaveLength(before);
  });

  it('answers plain words sent as a command (chat platforms add the slash) with the line, and a misspelt goal with its "did you mean"', async () => {
    const [words, misspelt] = await place.chat('admin', ['/raportoi uusi yritys: Sensorit Oy, KAMK', '/report datta "X Oy"']);
    expect(suggestion(words!)?.line).toBe('/report yritykset "Sensorit Oy" party=KAMK');
    expect(misspelt).toMatchObject({ ok: false, error: 'invalid' });
    expect(misspelt!.reply).toMatch(/Did you mean: .*data-centre-operators/);
    expect(stored().filter((o) => o.title === 'Sensorit Oy')).toEqual([]);
  });

  it('leaves questions about reporting and about the agreement to the answerer', async () => {
    const out = await place.chat('admin', ['how do I report?', 'kuka voi raportoida?', 'how many companies have been founded?', 'montako yritystä on perustettu tähän mennessä', 'who are the parties?']);
    for (const l of out) {
      expect(l.suggestion, l.reply).toBeUndefined();
      expect(l.reply).not.toMatch(/Send this line|Lähetä tämä rivi/);
    }
    expect(out[0]!.reply).toContain('/report');
    expect(out[2]!.reply).toContain('15');
  });
});
