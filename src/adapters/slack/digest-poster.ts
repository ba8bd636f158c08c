/**
 * Posts the weekly digest to a Slack channel: the text as Block Kit with chat.postMessage,
 * then the chart through Slack's external upload flow (files.getUploadURLExternal → POST the
 * bytes to the returned upload_url → files.completeUploadExternal with channel_id and the
 * alt text given at the first step).
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { RenderedDigest } from '../../core/digest/build.js';
import type { DigestTarget } from '../../core/digest/channels.js';
import type { Reply } from '../../core/reply.js';
import { defuseMentions, type DigestPoster, type PostProgress } from '../../delivery/poster.js';

export interface SlackDigestPosterOptions {
  token: string;
  /** Web API base, e.g. `http://127.0.0.1:PORT/api/` for a fake (SLACK_API_URL). */
  apiUrl?: string;
}

/** Slack's limit for a section block's text. */
const SECTION_MAX = 3000;
/** Slack's limit for a header block's text. */
const HEADER_MAX = 150;

/** Escapes text for mrkdwn: `<!channel>`, `<@U1>` and links cannot be formed from user text. */
export function escapeSlack(text: string): string {
  return defuseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

function chunks(lines: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > max && current !== '') {
      out.push(current);
      current = line.slice(0, max);
    } else current = next.slice(0, max);
  }
  if (current !== '') out.push(current);
  return out;
}

/** Block Kit for the digest's replies (one per language, divided). */
export function digestBlocks(replies: Reply[]): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  replies.forEach((r, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    if (r.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: defuseMentions(r.title).slice(0, HEADER_MAX) } });
    if (r.text) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeSlack(r.text).slice(0, SECTION_MAX) } });
    for (const s of r.sections) {
      const lines = [...(s.heading ? [`*${escapeSlack(s.heading)}*`] : []), ...s.lines.map(escapeSlack)];
      for (const text of chunks(lines, SECTION_MAX)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    }
  });
  return blocks;
}

export function createSlackDigestPoster(opts: SlackDigestPosterOptions): DigestPoster {
  // Two quick retries inside a post; longer outages are the digest's own back-off's job, and
  // a post must finish well within the 5-minute claim lease.
  const client = new WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 2000 },
    timeout: 20_000,
  });

  async function uploadChart(channelId: string, digest: RenderedDigest): Promise<void> {
    const { chart } = digest;
    const start = await client.files.getUploadURLExternal({ filename: chart.filename, length: chart.png.length, alt_text: chart.alt.slice(0, 1000) });
    if (!start.upload_url || !start.file_id) throw new Error('files.getUploadURLExternal returned no upload_url');
    const res = await fetch(start.upload_url, { method: 'POST', body: chart.png, headers: { 'content-type': 'application/octet-stream' } });
    if (!res.ok) throw new Error(`chart upload failed with HTTP ${res.status}`);
    await client.files.completeUploadExternal({ files: [{ id: start.file_id, title: digest.replies[0]?.title ?? chart.filename }], channel_id: channelId });
  }

  return {
    platform: 'slack',
    async post(target: DigestTarget, digest: RenderedDigest, progress: PostProgress) {
      let messageId = progress.messageId;
      if (messageId === null) {
        const res = await client.chat.postMessage({
          channel: target.channelId,
          text: escapeSlack(digest.replies.map((r) => r.title ?? r.text).join(' / ')),
          blocks: digestBlocks(digest.replies) as never,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!res.ts) throw new Error('chat.postMessage returned no ts');
        messageId = res.ts;
        progress.recordMessage(messageId);
      }
      // A quiet week is two lines and nothing else: an all-unchanged chart would only be noise.
      if (!digest.quiet) await uploadChart(target.channelId, digest);
      return { messageId };
    },
  };
}
