/**
 * The command specs: complete (examples that pass their own checks, summaries that fit
 * Discord), and the checks they drive — binding typed words, validating a plain record (as
 * an import will) and the usage line `/help` shows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../../src/core/commands/index.js';
import { parseArgs, splitCommand } from '../../../src/core/commands/parse.js';
import { bindArgs } from '../../../src/core/commands/bind.js';
import { validateRecord } from '../../../src/core/commands/validate.js';
import { usageLine } from '../../../src/core/commands/spec.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { reportCommand } from '../../../src/core/commands/report.js';
import { extraOf, extraWith, OUTCOME_ARGS } from '../../../src/core/outcomes/fields.js';
import { openStore } from '../../../src/store/store.js';
import { insertOutcome } from '../../../src/store/outcomes.js';
import { fields } from '../../helpers/store.js';

const kb = loadKnowledge(path.resolve(import.meta.dirname, '..', '..', '..', 'knowledge'));
const env = { today: '2025-06-15', kb };

describe('every command spec', () => {
  it.each(commands.map((c) => [c.name, c] as const))('%s: two examples per language, each passing its own checks', (_name, c) => {
    for (const lang of ['en', 'fi'] as const) {
      expect(c.examples[lang].length, lang).toBeGreaterThanOrEqual(2);
      for (const line of c.examples[lang]) {
        const { name, rest } = splitCommand(line);
        expect(findCommand(name), line).toBe(c);
        const bound = bindArgs(c, parseArgs(rest));
        expect(bound.problems, line).toEqual([]);
        const checked = validateRecord(c, bound.record, env);
        expect(checked.ok ? [] : checked.problems, line).toEqual([]);
      }
    }
  });

  it('has a one-line summary in both languages that fits a Discord description, and unique names', () => {
    const names = commands.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      for (const lang of ['en', 'fi'] as const) expect(c.summary[lang].length, c.name).toBeLessThanOrEqual(100);
      for (const a of c.args) {
        expect(a.name, c.name).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(a.nameFi, c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(a.description.en.length, `${c.name} ${a.name}`).toBeLessThanOrEqual(100);
        expect(a.description.fi.length, `${c.name} ${a.name}`).toBeLessThanOrEqual(100);
        expect(a.label.en.length, `${c.name} ${a.name}`).toBeLessThanOrEqual(45);
      }
    }
  });
});

describe('binding and validating', () => {
  it('puts positional words in spec order, lets a named value take its place, and keeps the rest as the title', () => {
    expect(bindArgs(reportCommand, parseArgs('companies Acme Oy party=KAMK')).record).toEqual({ goal: 'companies', title: 'Acme Oy', party: 'KAMK' });
    expect(bindArgs(reportCommand, parseArgs('tavoite=companies Acme Oy')).record).toEqual({ goal: 'companies', title: 'Acme Oy' });
    expect(bindArgs(reportCommand, parseArgs('companies title="X" extra')).problems).toMatchObject([{ code: 'unexpected', value: 'extra' }]);
  });

  it('validates a plain record of field → text as /report does, with a problem per field', () => {
    const ok = validateRecord(reportCommand, { goal: 'uudet yritykset', title: ' Acme Oy ', osapuoli: 'kamk', 'y-tunnus': '0112038-9' }, env);
    expect(ok).toEqual({ ok: true, values: { goal: 'companies', title: 'Acme Oy', party: 'KAMK', date: '2025-06-15', 'business-id': '0112038-9' }, corrected: {}, dateStyles: {} });
    const bad = validateRecord(reportCommand, { goal: 'compnies-x', title: 'X', date: '2025-06-16', link: 'ftp://x', colour: 'red' }, env);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['goal:unknown-goal', 'title:title.length', 'date:date.future', 'link:link.invalid', 'colour:unknown-field']);
    const typo = validateRecord(reportCommand, { goal: 'compnies', title: 'Acme Oy' }, env);
    expect(typo).toMatchObject({ ok: true, values: { goal: 'companies' }, corrected: { goal: 'compnies' } });
  });

  it('takes a choice by its value or alias, and the language of /digest only when subscribing', () => {
    const digest = findCommand('digest')!;
    expect(validateRecord(digest, bindArgs(digest, parseArgs('tilaa fi')).record, env)).toMatchObject({ ok: true, values: { action: 'subscribe', lang: 'fi' } });
    expect(validateRecord(digest, bindArgs(digest, parseArgs('preview 2026-W48')).record, env)).toMatchObject({ ok: true, values: { action: 'preview', period: '2026-W48' } });
    expect(validateRecord(digest, {}, env)).toMatchObject({ ok: true, values: { action: 'preview' } });
  });
});

describe('usage lines from the spec', () => {
  it('reads like the grammar, in the user language', () => {
    // A prefix: a field added to /report later joins the line without this test changing.
    expect(usageLine(reportCommand, 'en').startsWith('/report <goal> "<title>" [party=<id>] [date=YYYY-MM-DD] [link=<url>] [business-id=<Y-tunnus>] [note="<text>"]')).toBe(true);
    expect(usageLine(reportCommand, 'fi').startsWith('/report <tavoite> "<otsikko>" [party=<tunnus>] [date=PP.KK.VVVV] [link=<url>] [business-id=<Y-tunnus>] [note="<teksti>"]')).toBe(true);
    expect(usageLine(reportCommand, 'en').endsWith(' [duplicate=ok]')).toBe(true);
    expect(usageLine(findCommand('grant')!, 'en')).toBe('/grant <user> reporter|admin');
    expect(usageLine(findCommand('retract')!, 'en')).toBe('/retract <id> reason="<why>"');
  });
});

describe('outcome fields without a column of their own', () => {
  const contact = { ...OUTCOME_ARGS.find((a) => a.name === 'note')!, name: 'contact', nameFi: 'yhteyshenkilo' };
  const args = [...OUTCOME_ARGS, contact];

  it('are kept in the extra object: set, replaced and cleared, leaving the others', () => {
    expect(extraWith(null, { goal: 'companies', title: 'Acme Oy' }, args)).toBeUndefined();
    const set = extraWith(null, { title: 'Acme Oy', contact: 'Anna' }, args);
    expect(extraOf(set)).toEqual({ contact: 'Anna' });
    expect(extraOf(extraWith(JSON.stringify({ contact: 'Anna', other: 'x' }), { contact: 'Bo' }, args))).toEqual({ contact: 'Bo', other: 'x' });
    expect(extraWith(JSON.stringify({ contact: 'Anna' }), { contact: '' }, args)).toBeNull();
  });

  it('are stored by the store, which refuses anything but a JSON object there', () => {
    const store = openStore(':memory:');
    const r = insertOutcome(store, { ...fields(), extra: JSON.stringify({ contact: 'Anna' }) }, 'console:a', '2025-01-01T00:00:00.000Z');
    expect(r.ok && r.outcome.extra).toBe('{"contact":"Anna"}');
    expect(() => insertOutcome(store, { ...fields({ title: 'Other Oy' }), extra: '[1]' }, 'console:a', '2025-01-01T00:00:00.000Z')).toThrow(/CHECK/);
    store.close();
  });
});
