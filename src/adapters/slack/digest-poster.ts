/**
 * Posts the weekly digest to a Slack channel: the text as Block Kit with chat.postMessage,
 * then the chart through Slack's external upload flow (files.getUploadURLExternal → POST the
 * bytes to the returned upload_url → files.completeUploadExternal with channel_id and the
 * alt text given at the first step). The message is rendered by `render.ts`, like every
 * other message this adapter sends.
 */
import { LogLevel, WebClient, type FilesGetUploadURLExternalArguments } from '@slack/web-api';
import type { RenderedDigest } from '../../core/digest/build.js';
import type { DigestTarget } from '../../core/digest/channels.js';
import { clip } from '../../core/i18n.js';
import type { DigestPoster, PostProgress } from '../../delivery/poster.js';
import { LIMITS } from './limits.js';
import { digestMessage } from './render.js';

export interface SlackDigestPosterOptions {
  token: string;
  /** Web API base, e.g. `http://127.0.0.1:PORT/api/` for a fake (SLACK_API_URL). */
  apiUrl?: string;
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
    // The method takes the alt text as `alt_txt` (its docs; the error is alt_txt_too_large).
    // @slack/web-api's types call it `alt_text`, which Slack ignores: the chart lost its alt text.
    const args = { filename: chart.filename, length: chart.png.length, alt_txt: clip(chart.alt, LIMITS.altText) };
    const start = await client.files.getUploadURLExternal(args as unknown as FilesGetUploadURLExternalArguments);
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
        const message = digestMessage(digest.replies);
        const res = await client.chat.postMessage({
          channel: target.channelId,
          text: message.text,
          blocks: message.blocks,
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
