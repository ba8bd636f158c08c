/**
 * Slack message size (issue 11 item 16) and reply fan-out (item 6) in the renderer: every
 * message holds at most 50 blocks and 12,000 characters of block text (Slack refuses more
 * with msg_blocks_too_long), a long reply continues in further messages, and a reply takes at
 * most 4 messages, the last saying how many lines were left out.
 */
import { describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { renderReply, digestMessage } from '../../../src/adapters/slack/render.js';
import { answerActions } from '../../../src/adapters/slack/buttons.js';

const BLOCK_TEXT_PER_MESSAGE = 12_000;

/** Characters of text in blocks, counted independently of the renderer: every "text" string. */
function blockText(blocks: unknown): number {
  return (JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []).reduce((n, t) => n + (JSON.parse(t.slice(7)) as string).length, 0);
}

/** A reply of `lines` lines of about 100 characters, in one section. */
const long = (lines: number) => reply('en', 'Everything:', { sections: [{ lines: Array.from({ length: lines }, (_, i) => `Line ${i} ${'x'.repeat(90)}`) }] });

describe('Slack message size', () => {
  it('continues a reply of 20,000 characters in a further message, each within 12,000 characters of block text', () => {
    const messages = renderReply(long(200), answerActions('en', { share: 'abcdef123456', feedback: 'fedcba654321' }));
    expect(messages.length).toBe(2);
    for (const m of messages) {
      expect(blockText(m.blocks)).toBeLessThanOrEqual(BLOCK_TEXT_PER_MESSAGE);
      expect(m.blocks.length).toBeLessThanOrEqual(50);
    }
    const shown = messages.flatMap((m) => m.blocks).map((b) => JSON.stringify(b)).join('');
    for (let i = 0; i < 200; i++) expect(shown).toContain(`Line ${i} `);
    expect(JSON.stringify(messages.at(-1)!.blocks.at(-1))).toContain('kajaani_share');
  });

  it('keeps the weekly digest (one message) within 12,000 characters too, noting a cut', () => {
    const m = digestMessage([long(100), long(100)]);
    expect(blockText(m.blocks)).toBeLessThanOrEqual(BLOCK_TEXT_PER_MESSAGE);
    expect(JSON.stringify(m.blocks.at(-1))).toMatch(/… and \d+ more — narrow it down/);
  });
});

describe('reply fan-out', () => {
  it('sends at most 4 messages; the last says how many lines were left out, in the reply’s language', () => {
    const messages = renderReply(long(1000));
    expect(messages).toHaveLength(4);
    const shown = messages.flatMap((m) => m.blocks.map((b) => JSON.stringify(b))).join('');
    const listed = (shown.match(/Line \d+ /g) ?? []).length;
    expect(JSON.stringify(messages.at(-1)!.blocks.at(-1))).toContain(`… and ${1000 - listed} more — narrow it down.`);
    const fi = renderReply({ ...long(1000), lang: 'fi' });
    expect(JSON.stringify(fi.at(-1)!.blocks.at(-1))).toMatch(/… ja \d+ muuta — rajaa tarkemmin\./);
  });
});
