import { describe, expect, it } from 'vitest';
import { parseArgs, splitCommand } from '../../../src/core/commands/parse.js';
import { findCommand } from '../../../src/core/commands/index.js';
import { OUTCOME_ARGS } from '../../../src/core/outcomes/fields.js';
import { commandText, joinDetails, splitDetails } from '../../../src/adapters/discord/to-text.js';

const report = findCommand('report')!;
const details = OUTCOME_ARGS.filter((a) => ['link', 'business-id', 'note'].includes(a.name));

describe('Discord options → core command line', () => {
  it('builds /report in the documented grammar, whatever order the options come in', () => {
    const values = new Map<string, string | number | boolean>([
      ['party', 'KAMK'],
      ['title', 'Acme Oy'],
      ['goal', 'companies'],
      ['date', '2025-01-02'],
      ['duplicate', false],
    ]);
    expect(commandText(report, values)).toBe('/report companies "Acme Oy" party=KAMK date=2025-01-02');
    expect(commandText(report, new Map<string, string | number | boolean>([['goal', 'companies'], ['title', 'X Oy'], ['duplicate', true]]))).toBe('/report companies "X Oy" duplicate=ok');
  });

  it('builds /digest subscribe with its language, and names a value whose place before it is empty', () => {
    const digest = findCommand('digest')!;
    expect(commandText(digest, new Map([['action', 'subscribe'], ['lang', 'fi']]))).toBe('/digest subscribe fi');
    expect(commandText(digest, new Map([['action', 'preview']]))).toBe('/digest preview');
    expect(commandText(digest, new Map([['period', '2026-W48']]))).toBe('/digest period=2026-W48');
  });

  it('turns a user option into a platform id', () => {
    expect(commandText(findCommand('grant')!, new Map([['user', '81234567'], ['role', 'reporter']]))).toBe('/grant discord:81234567 reporter');
  });

  it('quotes a title that reads as key=value, so it stays the title', () => {
    const line = commandText(report, new Map([['goal', 'companies'], ['title', 'party=KAMK']]));
    expect(line).toBe('/report companies "party=KAMK"');
    expect(parseArgs(splitCommand(line).rest)).toMatchObject({ positional: ['companies', 'party=KAMK'], named: {} });
  });

  it('splits the form’s details box into link, Business ID and note, and fills it back the same way', () => {
    expect(splitDetails('see https://a.fi/x 0112038-9\nfounded by students', details)).toEqual({ link: 'https://a.fi/x', 'business-id': '0112038-9', note: 'see founded by students' });
    expect(splitDetails('', details)).toEqual({});
    expect(splitDetails('note: just this\nhttps://b.fi', details)).toEqual({ note: 'just this', link: 'https://b.fi' });
    const values = { link: 'https://a.fi/x', 'business-id': '0112038-9', note: 'Spun off' };
    expect(splitDetails(joinDetails(values, details), details)).toEqual(values);
  });
});
