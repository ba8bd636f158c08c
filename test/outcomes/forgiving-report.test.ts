/**
 * Issue 12 item 5: a forgiving `/report` (`party = KAMK`, a goal in several words, a title up
 * to the first field), the "(I took … to mean …)" note in the reader's words, `/verify` with
 * several numbers, and messages for a name that is no party and a misspelt role. The binder
 * on its own, then the console contract (built CLI).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindArgs } from '../../src/core/commands/bind.js';
import { findCommand } from '../../src/core/commands/index.js';
import { parseArgs } from '../../src/core/commands/parse.js';
import { reportCommand } from '../../src/core/commands/report.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { cliPlace } from '../helpers/cli.js';

const kb = loadKnowledge(path.resolve(import.meta.dirname, '..', '..', 'knowledge'));
const bind = (line: string, command = reportCommand) => bindArgs(command, parseArgs(line), kb);

describe('the forgiving binder', () => {
  it('reads "party = KAMK", "party= KAMK" and "party =KAMK" as the field', () => {
    for (const line of ['companies Välilyönti Oy party = KAMK', 'companies Välilyönti Oy party= KAMK', 'companies Välilyönti Oy party =KAMK', 'companies "Välilyönti Oy" osapuoli = KAMK']) {
      expect(bind(line), line).toEqual({ record: { goal: 'companies', title: 'Välilyönti Oy', party: 'KAMK' }, problems: [], given: true });
    }
  });

  it('takes a goal named in several words as the goal, not the start of the title', () => {
    expect(bind('service products "Datapalvelu X" party=CSC').record).toEqual({ goal: 'service products', title: 'Datapalvelu X', party: 'CSC' });
    expect(bind('kaupallistetut teknologiat Mittari Oy party=KAMK').record).toEqual({ goal: 'kaupallistetut teknologiat', title: 'Mittari Oy', party: 'KAMK' });
    expect(bind('new data centre operators in the Renforsin Ranta business park "DC Oy"').record.goal).toBe('new data centre operators in the Renforsin Ranta business park');
    // One word stays one word when no longer name fits.
    expect(bind('companies service products Oy').record).toEqual({ goal: 'companies', title: 'service products Oy' });
  });

  it('ends an unquoted title at the first field and points at words after it', () => {
    expect(bind('companies Acme Oy party=KAMK date=2025-01-02').record).toEqual({ goal: 'companies', title: 'Acme Oy', party: 'KAMK', date: '2025-01-02' });
    expect(bind('companies Acme party=KAMK Oy').problems).toEqual([{ field: 'Oy', code: 'unexpected', value: 'Oy' }]);
    // Fields may still come first.
    expect(bind('party=KAMK companies Acme Oy').record).toEqual({ goal: 'companies', title: 'Acme Oy', party: 'KAMK' });
  });

  it('leaves what is not one of its keys, and a quoted empty value, alone', () => {
    // "E = mc2" is no field of /report: it is part of the title.
    expect(bind('companies E = mc2 Oy').record).toEqual({ goal: 'companies', title: 'E = mc2 Oy' });
    // note="" clears the note on /edit; it does not take the next word.
    expect(bind('12 note="" party=KAMK', findCommand('edit')!).record).toEqual({ id: '12', note: '', party: 'KAMK' });
  });
});

describe('/report, /verify and their messages through the console', () => {
  const place = cliPlace();

  it('stores what a person typed loosely, as they meant it', async () => {
    const out = await place.chat('admin', [
      '/report companies Välilyönti Oy party = KAMK date=2025-01-02',
      '/report service products "Datapalvelu X" party=CSC date=2025-01-03',
      '/report kaupallistetut teknologiat Mittari Oy party= KAMK date=2025-01-04',
      '/report companies Acme party=KAMK Oy',
    ]);
    expect(out[0]).toMatchObject({ ok: true, outcome: { goal: 'companies' } });
    expect(out[0]!.reply).toMatch(/^Stored #1: "Välilyönti Oy" for new companies \(KAMK, 2025-01-02\)/);
    expect(out[1]).toMatchObject({ ok: true, outcome: { goal: 'service-products' } });
    expect(out[1]!.reply).toMatch(/"Datapalvelu X" for new service products \(CSC/);
    expect(out[2]).toMatchObject({ ok: true, outcome: { goal: 'technologies' } });
    expect(out[2]!.reply).toMatch(/"Mittari Oy" for new commercialised technologies \(KAMK/);
    expect(out[3]).toMatchObject({ ok: false });
    expect(out[3]!.reply).toMatch(/"Oy": I don't know where this goes\. Put text with spaces in quotes/);
  });

  it('names a corrected goal as the reader knows it, in their language', async () => {
    const [en] = await place.chat('admin', ['/report compnies "Gamma Oy" date=2025-01-05']);
    expect(en!.reply).toContain('(I took "compnies" to mean new companies.)');
    const [, fi] = await place.chat('admin', ['/lang fi', '/report compnies "Delta Oy" date=2025-01-05']);
    expect(fi!.reply).toContain('(Tulkitsin "compnies" tavoitteeksi uudet yritykset.)');
    await place.chat('admin', ['/lang auto']);
  });

  it('says a name is not a party and lists the parties; "did you mean" only for a near miss', async () => {
    const [nokia, near, corrected] = await place.chat('admin', [
      '/report companies "N Oy" party=Nokia',
      '/report companies "K Oy" party=Kajaan',
      '/report companies "KK Oy" party=KAMKK date=2025-01-06',
    ]);
    expect(nokia!.ok).toBe(false);
    expect(nokia!.reply).toMatch(/party: "Nokia" is not a party of the agreement\. The parties are: Kajaani, Sotkamo, TEM, .*KAMK/);
    expect(nokia!.reply).not.toMatch(/Did you mean/);
    expect(near!.ok).toBe(false);
    expect(near!.reply).toMatch(/party: I don't know the party "Kajaan"\. Did you mean: Kajaani\?/);
    expect(corrected).toMatchObject({ ok: true });
    expect(corrected!.reply).toContain('(I took "KAMKK" to mean KAMK.)');
  });

  it('answers a misspelt role with "did you mean"', async () => {
    const [r] = await place.chat('admin', ['/grant console:x reportr']);
    expect(r!.ok).toBe(false);
    expect(r!.reply).toContain('role: unknown role "reportr" — did you mean reporter?');
    const [fi] = await place.chat('admin', ['/myönnä console:x raportoja']);
    expect(fi!.reply).toContain('role: tuntematon arvo "raportoja" – tarkoititko reporter?');
  });

  it('/verify 1 2 verifies both; a list with problems verifies the rest and says which failed and why', async () => {
    const [both, mixed, none] = await place.chat('admin', ['/verify 1 2', '/verify #3, 99 1', '/verify 1 2']);
    expect(both).toMatchObject({ ok: true, outcomes: [{ id: 1, status: 'verified' }, { id: 2, status: 'verified' }], failed: [] });
    expect(both!.reply).toBe('Verified: #1 "Välilyönti Oy", #2 "Datapalvelu X".');
    expect(mixed).toMatchObject({ ok: true, outcomes: [{ id: 3, status: 'verified' }], failed: [{ id: 99, error: 'not-found' }, { id: 1, error: 'state' }] });
    expect(mixed!.reply).toMatch(/^Verified: #3 "Mittari Oy"\.\nNot verified \(2\):\n- There is no outcome #99\..*\n- Outcome #1 is already verified \(by console:admin on /);
    expect(none).toMatchObject({ ok: false, outcomes: [] });
    expect(none!.reply).toMatch(/^Nothing was verified:/);
    const [history] = await place.chat('admin', ['/history 3']);
    expect(history!.reply).toMatch(/console:admin verified/);
  });

  it('refuses /verify with something that is not a number, verifying nothing', async () => {
    const [bad, list] = await place.chat('admin', ['/verify 4 x', '/outcomes status=verified']);
    expect(bad!.ok).toBe(false);
    expect(bad!.reply).toMatch(/id: "x" is not an outcome number/);
    expect(list!.reply).not.toContain('#4 ');
  });
});
