/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are arbitrary JSON. */
/**
 * Discord attachments within Discord's limits, enforced by the generic renderer (issue 11
 * item 19): at most 10 files per message and descriptions (alt text) of at most 1,024
 * characters, for every reply with files and the digest alike; nothing is dropped. End to end:
 * a slash command whose answer carries 23 files, through the real discord.js client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, type Reply, type ReplyFile } from '../../../src/core/reply.js';
import { renderReply, digestMessage } from '../../../src/adapters/discord/render.js';
import { startHarness, type Harness } from './harness.js';

/** Discord's limits (message resource, attachment object). */
const FILES_PER_MESSAGE = 10;
const DESCRIPTION_MAX = 1024;

const files = (n: number): ReplyFile[] =>
  Array.from({ length: n }, (_, i) => ({ filename: `chart-${i}.png`, contentType: 'image/png', data: Buffer.from(`png ${i}`), alt: `Chart ${i}: ${'a long description of every bar. '.repeat(60)}` }));
const withFiles = (n: number): Reply => reply('en', 'Here are the charts.', { files: files(n) });

describe('the renderer', () => {
  it('puts at most 10 files in a message and clips each description to 1,024, keeping every file in order', () => {
    for (const n of [1, 10, 11, 23]) {
      const messages = renderReply(withFiles(n));
      for (const m of messages) {
        expect(m.files.length).toBeLessThanOrEqual(FILES_PER_MESSAGE);
        for (const f of m.files) expect(f.alt!.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      }
      expect(messages.flatMap((m) => m.files.map((f) => f.filename))).toEqual(files(n).map((f) => f.filename));
    }
  });

  it('clips the digest chart’s description too', () => {
    const [chart] = files(1);
    const m = digestMessage([reply('en', 'Week 24')], chart!);
    expect(m.files[0]!.alt!.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(m.embeds[0]!.image).toEqual({ url: 'attachment://chart-0.png' });
  });
});

describe('a slash command answered with 23 files, end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ wrap: (handle) => async (msg) => (msg.text.includes('charts please') ? withFiles(23) : handle(msg)) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends every file, at most 10 per message, each description within 1,024', async () => {
    const { id, token } = h.fake.chatInput('ask', [{ name: 'question', type: 3, value: 'charts please' }]);
    const deadline = Date.now() + 8000;
    const sent = () => h.fake.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`) || r.path.includes(`/${token}`));
    while (sent().reduce((n, r) => n + r.files.length, 0) < 23 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const posts = sent();
    expect(posts.reduce((n, r) => n + r.files.length, 0)).toBe(23);
    for (const p of posts) {
      expect(p.files.length).toBeLessThanOrEqual(FILES_PER_MESSAGE);
      const body = (p.path.endsWith('/callback') ? p.body.data : p.body) as any;
      for (const a of body.attachments ?? []) expect(String(a.description ?? '').length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    }
  });
});
