import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, parseArgs, splitCommand } from '../../src/core/commands/parse.js';

describe('command parsing', () => {
  it('splits words, quoted titles and key=value pairs', () => {
    const a = parseArgs('companies "Acme Oy" party=KAMK note="first spin-off" date=2025-01-02');
    expect(a.positional).toEqual(['companies', 'Acme Oy']);
    expect(a.named).toEqual({ party: 'KAMK', note: 'first spin-off', date: '2025-01-02' });
  });

  it('accepts the typographic quotes Slack and phones substitute', () => {
    expect(parseArgs('companies “Acme Oy” note=„hyvä alku”').positional).toEqual(['companies', 'Acme Oy']);
    expect(parseArgs('companies “Acme Oy” note=„hyvä alku”').named.note).toBe('hyvä alku');
  });

  it('keeps apostrophes inside words', () => {
    expect(parseArgs("companies KAMK's spin-off").positional).toEqual(['companies', "KAMK's", 'spin-off']);
  });

  it('keeps a fully quoted value positional even with "=" in it', () => {
    expect(parseArgs('companies "E=mc2 Oy" party=KAMK').positional).toEqual(['companies', 'E=mc2 Oy']);
    expect(parseArgs('companies "E=mc2 Oy" party=KAMK').named).toEqual({ party: 'KAMK' });
  });

  it('rejects an unclosed quote', () => {
    expect(() => parseArgs('companies "Acme Oy party=KAMK')).toThrowError(CommandSyntaxError);
  });

  it('splits a command line into name and rest', () => {
    expect(splitCommand('/Report companies "x"')).toEqual({ name: 'report', rest: 'companies "x"' });
  });
});
