import { describe, expect, it } from 'vitest';
import { parseArgs, quote, splitCommand } from '../../../src/core/commands/parse.js';
import { findSpec } from '../../../src/adapters/discord/commands.js';
import { commandText, splitDetails } from '../../../src/adapters/discord/to-text.js';

describe('Discord options → core command line', () => {
  it.each([
    'Acme Oy',
    'Acme "Rocket" Oy',
    "KAMK's lab",
    'He said "it\'s fine"',
    `mixed "double" 'single' ’curly’ all`,
    '@everyone <@&123>',
    'line one\nline two',
    'x',
  ])('round-trips %j through the core tokenizer', (value) => {
    const { rest } = splitCommand(`/report companies ${quote(value)} note=${quote(value)}`);
    const args = parseArgs(rest);
    const expected = value.includes('"') && value.includes("'") && value.includes('’') ? value.replace(/"/g, '″') : value;
    expect(args.positional).toEqual(['companies', expected]);
    expect(args.named.note).toBe(expected);
  });

  it('builds /report in the documented grammar', () => {
    const values = new Map<string, string | number | boolean>([
      ['party', 'KAMK'],
      ['title', 'Acme Oy'],
      ['goal', 'companies'],
      ['date', '2025-01-02'],
    ]);
    expect(commandText(findSpec('report')!, values)).toBe('/report companies "Acme Oy" party=KAMK date=2025-01-02');
  });

  it('builds /digest subscribe with its language', () => {
    const values = new Map<string, string | number | boolean>([
      ['action', 'subscribe'],
      ['language', 'fi'],
    ]);
    expect(commandText(findSpec('digest')!, values)).toBe('/digest subscribe fi');
    expect(commandText(findSpec('digest')!, new Map([['action', 'preview']]))).toBe('/digest preview');
  });

  it('quotes a title that reads as key=value, so it stays the title', () => {
    const values = new Map<string, string | number | boolean>([
      ['goal', 'companies'],
      ['title', 'party=KAMK'],
    ]);
    const line = commandText(findSpec('report')!, values);
    expect(line).toBe('/report companies "party=KAMK"');
    expect(parseArgs(splitCommand(line).rest)).toMatchObject({ positional: ['companies', 'party=KAMK'], named: {} });
  });

  it('splits the form’s details box into link, Business ID and note', () => {
    expect(splitDetails('see https://a.fi/x 0112038-9\nfounded by students')).toEqual({ link: 'https://a.fi/x', businessId: '0112038-9', note: 'see founded by students' });
    expect(splitDetails('')).toEqual({ link: undefined, businessId: undefined, note: undefined });
  });
});
