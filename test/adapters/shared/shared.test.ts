/** The pieces every adapter shares: seen-id memory, splitting and clipping to a limit, the deadline race. */
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../../src/adapters/shared/seen-ids.js';
import { defuseMentions, splitText } from '../../../src/adapters/shared/text.js';
import { withinDeadline } from '../../../src/adapters/shared/deadline.js';
import { clip } from '../../../src/core/i18n.js';

describe('seen ids', () => {
  it('answers a repeat within the TTL once, and forgets an id after it', () => {
    let t = 0;
    const seen = new SeenIds(1000, () => t);
    expect(seen.first('a')).toBe(true);
    expect(seen.first('a')).toBe(false);
    t = 1500;
    expect(seen.first('a')).toBe(true);
    expect(seen.firstOfAll(['a', 'b'])).toBe(false);
    expect(seen.firstOfAll(['c', 'b'])).toBe(true);
    expect(seen.first('b')).toBe(false);
  });

  it('tells whether an id was seen within the TTL without remembering it', () => {
    let t = 0;
    const seen = new SeenIds(1000, () => t);
    expect(seen.has('a')).toBe(false);
    expect(seen.first('a')).toBe(true);
    expect(seen.has('a')).toBe(true);
    t = 1500;
    expect(seen.has('a')).toBe(false);
    expect(seen.size).toBe(0);
  });

  it('stays bounded under a flood, forgetting the oldest first', () => {
    const seen = new SeenIds(60_000, () => 0, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(seen.first(id)).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.first('d')).toBe(false);
    expect(seen.first('a')).toBe(true);
  });
});

describe('splitting and clipping to a limit', () => {
  it('keeps pieces within the limit without cutting an escape in half', () => {
    const text = `${'a'.repeat(2997)}&amp;${'b'.repeat(4000)}`;
    const parts = splitText(text, 3000);
    expect(parts.every((p) => p.length <= 3000)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(parts[1]!.startsWith('&amp;')).toBe(true);
  });

  it('prefers line breaks, then spaces, and gives no pieces for blank text', () => {
    expect(splitText(`${'a'.repeat(6)}\n${'b'.repeat(6)}`, 10)).toEqual(['aaaaaa', 'bbbbbb']);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('a'.repeat(25), 10).map((p) => p.length)).toEqual([10, 10, 5]);
    expect(splitText('   ', 10)).toEqual([]);
  });

  it('never cuts an emoji, a ZWJ sequence or a combining mark', () => {
    const family = '👨‍👩‍👧';
    for (const text of ['😀'.repeat(1500), `${'a'.repeat(9)}${family}${'b'.repeat(20)}`, `${'a'.repeat(9)}e\u0301${'b'.repeat(20)}`, `${'a'.repeat(9)}👍🏽${'b'.repeat(20)}`]) {
      const parts = splitText(text, 10);
      expect(parts.join(''), text).toBe(text);
      expect(parts.every((p) => p.length <= 10 && !/^[\udc00-\udfff\u200d\u0301]|[\ud800-\udbff\u200d]$/.test(p))).toBe(true);
    }
    expect(clip('abc😀def', 5)).toBe('abc…');
    expect(clip('abcd', 4)).toBe('abcd');
    expect(clip('abcdef', 4)).toBe('abc…');
  });

  it('defuses @everyone, @here and @channel', () => {
    expect(defuseMentions('@everyone @HERE @channel @someone')).toBe('@\u200beveryone @\u200bHERE @\u200bchannel @someone');
  });
});

describe('the deadline race', () => {
  it('gives the result when it comes in time, and undefined (work still running) when it does not', async () => {
    expect(await withinDeadline(Promise.resolve(7), 1000)).toBe(7);
    let finish!: (v: number) => void;
    const slow = new Promise<number>((r) => (finish = r));
    expect(await withinDeadline(slow, 10)).toBeUndefined();
    finish(8);
    expect(await slow).toBe(8);
    await expect(withinDeadline(Promise.reject(new Error('x')), 1000)).rejects.toThrow('x');
  });
});
