import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { getOutcome, listOutcomes } from '../../src/store/outcomes.js';
import { auditCount, outcomeHistory, roleHistory } from '../../src/store/audit.js';

const t = makeTestBot();
const ADMIN = 'console:admin';
const ALICE = 'slack:UALICE';
const BOB = 'discord:4242';
const NOBODY = 'console:nobody';
const store = () => t.app.services.store;

describe('roles', () => {
  it('lets a BOT_ADMINS admin grant roles, stored with who granted them and audited', async () => {
    const r = await t.say(ADMIN, `/grant ${ALICE} reporter`);
    expect(r.ok).toBe(true);
    expect(r.text).toContain('Granted');
    await t.say(ADMIN, `/grant ${BOB} reporter`);
    const roles = await t.say(ADMIN, '/roles');
    expect(roles.sections[0]!.lines).toContain(`${ALICE}: reporter (granted by ${ADMIN} on 15 Jun 2025)`);
    expect(roleHistory(store(), ALICE)[0]).toMatchObject({ action: 'grant', actor: ADMIN });
  });

  it('refuses /grant, /revoke, /verify and /export from non-admins and changes nothing', async () => {
    const n = auditCount(store());
    for (const line of [`/grant ${NOBODY} admin`, `/revoke ${BOB} reporter`, '/verify 1', '/export csv']) {
      const r = await t.say(ALICE, line);
      expect(r.ok, line).toBe(false);
      expect(r.text, line).toMatch(/needs the admin role\. Ask an admin to grant it\./);
      expect(r.text, line).not.toContain('console:admin');
    }
    const fi = await t.say(NOBODY, '/grant console:x reporter', { locale: 'fi' });
    expect(fi.text).toMatch(/ylläpitäjän \(admin\) roolin/);
    expect(auditCount(store())).toBe(n);
  });

  it('validates /grant arguments', async () => {
    expect((await t.say(ADMIN, '/grant alice reporter')).text).toMatch(/platform id/);
    expect((await t.say(ADMIN, `/grant ${ALICE} boss`)).text).toMatch(/Usage: \/grant/);
  });

  it('honours a reporter role the platform vouches for, but never an admin role', async () => {
    const r = await t.say('discord:777', '/report technologies "Vouched tech"', { platformRoles: ['reporter'] });
    expect(r.ok).toBe(true);
    const x = await t.say('discord:777', '/export', { platformRoles: ['admin'] });
    expect(x.ok).toBe(false);
  });

  it('revokes a stored role (audited) and refuses to revoke a configured admin', async () => {
    await t.say(ADMIN, '/grant console:temp reporter');
    expect((await t.say(ADMIN, '/revoke console:temp reporter')).ok).toBe(true);
    expect((await t.say('console:temp', '/report companies "Late Oy"')).ok).toBe(false);
    expect((await t.say(ADMIN, `/revoke ${ADMIN} admin`)).text).toMatch(/BOT_ADMINS/);
    expect(roleHistory(store(), 'console:temp').map((e) => e.action)).toEqual(['grant', 'revoke']);
  });
});

describe('edit, verify, retract, history', () => {
  it('lets reporters edit their own outcomes, keeping the old values in the history', async () => {
    const r = await t.say(ALICE, '/report companies "Alpha Oy" party=KAMK date=2024-01-10');
    const id = (r.data.outcome as { id: number }).id;
    const e = await t.say(ALICE, `/edit ${id} title="Alpha Ltd" date=2024-01-11 party=CSC`);
    expect(e.ok).toBe(true);
    expect(getOutcome(store(), id)).toMatchObject({ title: 'Alpha Ltd', happenedOn: '2024-01-11', partyId: 'CSC' });
    const h = await t.say(ALICE, `/history ${id}`);
    expect(h.sections[1]!.lines.join('\n')).toMatch(/edited: title: "Alpha Oy" → "Alpha Ltd"; .*partyId: "KAMK" → "CSC"/);
  });

  it("refuses edits and retractions of someone else's outcome by a reporter, naming the role needed", async () => {
    const r = await t.say(ALICE, '/report companies "Beta Oy"');
    const id = (r.data.outcome as { id: number }).id;
    const e = await t.say(BOB, `/edit ${id} title="Hijacked"`);
    expect(e.ok).toBe(false);
    expect(e.text).toMatch(/reported by slack:UALICE.*needs the admin role/);
    expect((await t.say(BOB, `/retract ${id} reason="nope"`)).ok).toBe(false);
    expect((await t.say(NOBODY, `/edit ${id} title="x y"`)).text).toMatch(/reporter role/);
    expect(getOutcome(store(), id)!.title).toBe('Beta Oy');
  });

  it('validates edits like reports', async () => {
    const id = listOutcomes(store(), { goalId: 'companies' })[0]!.id;
    const r = await t.say(ALICE, `/edit ${id} date=2031-01-01 colour=blue`);
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/nothing was changed/);
    expect(r.text).toMatch(/colour: unknown field/);
    expect((await t.say(ALICE, '/edit 99999 title="abc"')).text).toMatch(/no outcome #99999/);
    expect((await t.say(ALICE, `/edit ${id}`)).text).toMatch(/field=value/);
  });

  it('lets admins verify; a reporter editing a verified outcome sends it back to reported', async () => {
    const r = await t.say(ALICE, '/report companies "Gamma Oy"');
    const id = (r.data.outcome as { id: number }).id;
    const v = await t.say(ADMIN, `/verify ${id}`);
    expect(v.data.outcome).toMatchObject({ status: 'verified' });
    expect((await t.say(ADMIN, `/verify ${id}`)).text).toMatch(/already verified/);
    const e = await t.say(ALICE, `/edit ${id} note="more detail"`);
    expect(e.text).toMatch(/back to reported/);
    expect(getOutcome(store(), id)!.status).toBe('reported');
  });

  it('retracts with a required reason, never deleting, and stops counting it', async () => {
    const before = (await t.say(ADMIN, '/progress companies')).progress[0]!.count;
    const r = await t.say(ALICE, '/report companies "Delta Oy"');
    const id = (r.data.outcome as { id: number }).id;
    expect((await t.say(ADMIN, '/progress companies')).progress[0]!.count).toBe(before + 1);
    expect((await t.say(ALICE, `/retract ${id}`)).text).toMatch(/reason: give a reason/);
    const x = await t.say(ALICE, `/retract ${id} reason="reported by mistake"`);
    expect(x.ok).toBe(true);
    expect(getOutcome(store(), id)).toMatchObject({ status: 'retracted', retractedBy: ALICE, retractReason: 'reported by mistake' });
    expect((await t.say(ADMIN, '/progress companies')).progress[0]!.count).toBe(before);
    expect((await t.say(ADMIN, `/verify ${id}`)).text).toMatch(/retracted/);
    expect((await t.say(ALICE, `/edit ${id} title="Delta 2"`)).text).toMatch(/retracted/);
    expect(outcomeHistory(store(), id).map((e) => e.action)).toEqual(['report', 'retract']);
    expect((await t.say(ADMIN, '/outcomes status=retracted')).sections[0]!.lines.join('\n')).toContain('Delta Oy');
  });
});

describe('/outcomes and /export', () => {
  it('filters by goal, party, year and status, and rejects bad filters', async () => {
    const r = await t.say(NOBODY, '/outcomes companies party=CSC year=2024');
    expect(r.sections[0]!.lines.join('\n')).toContain('Alpha Ltd');
    expect((await t.say(NOBODY, '/outcomes year=20x5')).text).toMatch(/year: "20x5" is not a year/);
    expect((await t.say(NOBODY, '/outcomes status=lost')).text).toMatch(/status: "lost" is not a status/);
  });

  it('exports CSV for a spreadsheet: BOM, RFC 4180 quoting, formula injection neutralised', async () => {
    expect((await t.say(ALICE, `/report service-products '=HYPERLINK("http://evil")' link=https://example.com/a,b`)).ok).toBe(true);
    expect((await t.say(ALICE, `/report service-products 'Comma, and "quotes"'`)).ok).toBe(true);
    const r = await t.say(ADMIN, '/export csv');
    expect(r.ok).toBe(true);
    const file = r.files[0]!;
    expect(file.filename).toMatch(/^kajaani-outcomes-2025-06-15\.csv$/);
    const text = file.data.toString('utf8');
    expect(text.startsWith('\uFEFFid,goalId,title,partyId,happenedOn,status,link')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"https://example.com/a,b"');
    expect(text).toContain('"Comma, and ""quotes"""');
    expect(text).toMatch(/retracted,.*reported by mistake/);
    const rows = text.trim().split('\r\n');
    expect(rows.length).toBe(listOutcomes(store(), { excludeRetracted: false }).length + 1);
    const json = await t.say(ADMIN, '/export json');
    expect(JSON.parse(json.files[0]!.data.toString('utf8'))).toHaveLength(rows.length - 1);
  });
});
