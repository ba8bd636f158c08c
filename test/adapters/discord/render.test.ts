import { describe, expect, it } from 'vitest';
import { reply, errorReply, type ProgressRow } from '../../../src/core/reply.js';
import { COLOURS, LIMITS, plain, renderReply } from '../../../src/adapters/discord/render.js';
import { splitText } from '../../../src/adapters/shared/text.js';

const row = (count: number, met = false): ProgressRow => ({ goalId: 'companies', label: 'new companies', count, target: 15, comparator: 'exactly', needed: 15, met });

describe('Discord rendering', () => {
  it('renders title, answer, progress bars as text and sources as links', () => {
    const [m] = renderReply(
      reply('fi', 'Edistyminen', { title: 'Tavoitteet', progress: [row(6)], sources: [{ id: 'FI', title: 'Sopimus [pdf]', url: 'https://example.fi/a b' }] }),
    );
    const e = m!.embeds[0]!;
    expect(e.title).toBe('Tavoitteet');
    expect(e.description).toBe('Edistyminen');
    expect(e.fields![0]).toEqual({ name: 'new companies', value: '`████░░░░░░` 6 / 15' });
    expect(e.fields![1]).toEqual({ name: 'Lähteet', value: '• [Sopimus pdf](<https://example.fi/a%20b>)' });
    expect(e.color).toBe(COLOURS.inProgress);
  });

  it('colours by goal state', () => {
    expect(renderReply(reply('en', 'x', { progress: [row(15, true)] }))[0]!.embeds[0]!.color).toBe(COLOURS.met);
    expect(renderReply(reply('en', 'x', { progress: [row(0)] }))[0]!.embeds[0]!.color).toBe(COLOURS.notStarted);
    expect(renderReply(reply('en', 'x', { answered: false }))[0]!.embeds[0]!.color).toBe(COLOURS.declined);
  });

  it('keeps user text literal: markdown is escaped, URLs stay links', () => {
    expect(plain('**bold** _x_ [click](https://evil.example) > quote')).toBe('\\*\\*bold\\*\\* \\_x\\_ \\[click\\](https://evil.example) > quote');
    expect(plain('> quote\n# heading\n- item\n1. first')).toBe('\\> quote\n\\# heading\n\\- item\n1\\. first');
    expect(plain('see https://a.fi/x_y_z')).toBe('see https://a.fi/x_y_z');
  });

  it('sends rejections as short plain content', () => {
    const [m] = renderReply(errorReply('en', 'Unknown goal "x".'));
    expect(m!.content).toBe('Unknown goal "x".');
    expect(m!.embeds).toEqual([]);
  });

  it('splits within content, description, field and per-message limits', () => {
    expect(splitText('a'.repeat(5000), LIMITS.content).map((c) => c.length)).toEqual([2000, 2000, 1000]);
    expect(splitText('😀'.repeat(1500), LIMITS.content).every((c) => !/[\uD800-\uDBFF]$/.test(c))).toBe(true);
    const rejection = renderReply(errorReply('en', 'no '.repeat(1500)));
    expect(rejection.length).toBe(3);
    expect(rejection.every((m) => m.content!.length <= LIMITS.content)).toBe(true);
    const many = renderReply(reply('en', 'x'.repeat(3_000), { progress: Array.from({ length: 60 }, () => row(3)) }));
    for (const m of many) {
      expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      for (const e of m.embeds) expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    }
    expect(many.flatMap((m) => m.embeds).reduce((n, e) => n + (e.fields?.length ?? 0), 0)).toBe(60);
    // Past three messages a reply is cut, the last message saying how much more there was.
    const big = renderReply(reply('en', 'x '.repeat(30_000), { progress: Array.from({ length: 60 }, () => row(3)) }));
    expect(big).toHaveLength(3);
    expect(big[2]!.content).toMatch(/^… and \d+ more — narrow it down\.$/);
  });

  it('renders a 45 kB answer in well under the interaction deadline', () => {
    const start = performance.now();
    renderReply(reply('en', '*word_ '.repeat(7000)));
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('attaches files to the first message', () => {
    const files = [{ filename: 'outcomes.json', contentType: 'application/json', data: Buffer.from('[]') }];
    const ms = renderReply(reply('en', 'x'.repeat(9000), { files }));
    expect(ms[0]!.files).toEqual(files);
    expect(ms.slice(1).every((m) => m.files.length === 0)).toBe(true);
  });
});
