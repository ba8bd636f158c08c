/**
 * Mention syntax in user text (`@everyone`, `<!channel>`, `<@U123>`, `<@&123>`, `<#C1>`...)
 * stays inert text in the core's replies: kept verbatim where the user's own words are echoed
 * (the Slack and Discord adapters escape it when rendering), and never added by the core.
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { COMMAND_NAMES } from './fuzz-inputs.js';

const MENTIONS = ['@everyone', '@here', '<!channel>', '<!here>', '<!everyone>', '<@U123ABC>', '<@!81234567>', '<@&123456>', '<#C1>', '<#123456789>', '<!subteam^S123>'];
/** Anything that pings on Slack or Discord. */
const MENTION_RE = /@everyone|@here|<!(?:channel|here|everyone|subteam\^[^>]*)>|<@[!&]?[A-Z0-9]+>|<#[A-Z0-9]+>/g;

const mentionsIn = (s: string) => s.match(MENTION_RE) ?? [];

describe('mention syntax in user text', () => {
  const t = makeTestBot();

  it('is stored and echoed verbatim as text in a report title, listing and history', async () => {
    const title = `Ping ${MENTIONS.join(' ')} Oy`;
    const stored = await t.say('console:admin', `/report companies "${title}"`);
    expect(stored.ok).toBe(true);
    expect(replyToPlainText(stored)).toContain(`"${title}"`);
    const id = (stored.data.outcome as { id: number }).id;
    const list = replyToPlainText(await t.say('console:nobody', '/outcomes'));
    expect(list).toContain(title);
    expect(replyToPlainText(await t.say('console:nobody', `/history ${id}`))).toContain(title);
    // Exactly the user's mentions, each once per place the title is shown: none added.
    expect(mentionsIn(list).sort()).toEqual(mentionsIn(title).sort());
  });

  it.each(MENTIONS)('%s in a question, an unknown command, a bad argument or a role change is never multiplied or added', async (m) => {
    const inputs = [`${m} who are the parties?`, `/${m}`, `/progress ${m}`, `/outcomes party=${m}`, `/grant ${m} reporter`, `/report companies "x" party=${m}`, `/edit 1 note="${m}"`, `/retract 1 reason="${m}"`, `/digest preview ${m}`, `/export ${m}`];
    for (const text of inputs) {
      const plain = replyToPlainText(await t.say('console:nobody', text));
      expect(mentionsIn(plain).length, `${text} → ${plain}`).toBeLessThanOrEqual(mentionsIn(text).length);
    }
  });

  it('a reply that shows stored titles carries no mention but those the users typed', async () => {
    for (const text of ['/outcomes', '/progress companies', 'how many companies so far?', '/export json', '/digest preview']) {
      const plain = replyToPlainText(await t.say('console:admin', text));
      expect(mentionsIn(plain).filter((x) => !MENTIONS.includes(x)), text).toEqual([]);
    }
  });
});

describe('the core itself', () => {
  const t = makeTestBot();

  it('never adds a mention: no reply to any command (every name and alias), from any user, contains one', async () => {
    await t.say('console:admin', '/report companies "Plain Title Oy"');
    await t.say('console:admin', '/grant slack:U0123ABC reporter');
    let replies = 0;
    for (const user of ['console:nobody', 'console:admin', 'slack:U0123ABC']) {
      for (const name of COMMAND_NAMES) {
        for (const text of [`/${name}`, `/${name} companies`, `/${name} 1`, `/${name} slack:U0123ABC reporter`]) {
          const plain = replyToPlainText(await t.say(user, text));
          replies++;
          expect(mentionsIn(plain), `${user} ${text} → ${plain.slice(0, 200)}`).toEqual([]);
        }
      }
    }
    expect(replies).toBe(3 * COMMAND_NAMES.length * 4);
  });
});
