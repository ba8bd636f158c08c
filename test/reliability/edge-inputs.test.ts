/**
 * Regressions the fuzz found, pinned down: names of Object.prototype properties as field
 * names or values (`status=constructor` used to crash /outcomes with an internal error, and
 * `constructor=1` was called "function Object() { [native code] }").
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { replyProblems } from './checks.js';

describe('inputs that name Object.prototype properties', () => {
  const t = makeTestBot();
  const cases = [
    '/outcomes status=constructor',
    '/outcomes status=toString',
    '/outcomes status=__proto__',
    '/report companies "Proto Oy" constructor=1',
    '/report companies "Proto Oy" toString=x',
    '/report companies "Proto Oy" hasOwnProperty=x valueOf=y',
    '/edit 1 constructor=1',
    '/tulokset constructor=x',
  ];
  it.each(cases)('%s is refused as an unknown field or value, with a clear message', async (text) => {
    if (text.startsWith('/edit')) await t.say('console:admin', '/report companies "Edited Proto Oy"');
    const before = t.app.services.store.db.prepare('SELECT COUNT(*) FROM audit').pluck().get();
    const r = await t.say('console:admin', text);
    expect(r.ok).toBe(false);
    expect(replyProblems(text, r)).toEqual([]);
    expect(r.text).not.toMatch(/function|native code/);
    expect(t.app.services.store.db.prepare('SELECT COUNT(*) FROM audit').pluck().get()).toBe(before);
  });
});
