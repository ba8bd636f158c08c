/**
 * The progress a `/report` confirms comes from the counts the store keeps per goal (not from
 * counting the goal's rows again): it must agree with `/progress <goal>` after reports,
 * verifications, retractions and moves between goals.
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';

const t = makeTestBot();
const ADMIN = 'console:admin';

describe('/report confirmation progress', () => {
  it('agrees with /progress after verifications, a retraction and a move to another goal', async () => {
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) expect((await t.say(ADMIN, `/report companies "${name} Oy" party=KAMK date=2024-05-01`)).ok).toBe(true);
    expect((await t.say(ADMIN, '/verify 1')).ok).toBe(true);
    expect((await t.say(ADMIN, '/verify 2')).ok).toBe(true);
    expect((await t.say(ADMIN, '/retract 3 reason="reported twice"')).ok).toBe(true);
    expect((await t.say(ADMIN, '/edit 4 goal=technologies')).ok).toBe(true);

    const r = await t.say(ADMIN, '/report companies "Epsilon Oy" party=KAMK date=2024-05-01');
    expect(r.ok).toBe(true);
    const p = await t.say(ADMIN, '/progress companies');
    // Alpha (verified), Beta (verified), Epsilon: Gamma is retracted and Delta moved away.
    expect(r.progress[0]).toMatchObject({ goalId: 'companies', count: 3, target: 15 });
    expect(r.progress[0]).toEqual(p.progress[0]);
    const lines = r.sections[0]!.lines;
    expect(lines[0]).toContain('3 of 15');
    expect(lines).toContain('Verified: 2.');
    // The headline, verified count and pace are the first lines of /progress as well.
    expect(p.text).toBe(lines[0]);
    expect(p.sections[0]!.lines.slice(0, lines.length - 1)).toEqual(lines.slice(1));
  });
});
