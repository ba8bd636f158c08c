/**
 * Where a digest goes: the channel behind a conversation id, and the key that (period,
 * channel) claims use. Keys name the posting channel only (`slack:C123`, `discord:<channel>`),
 * so a channel listed in configuration and subscribed in chat still gets one post.
 */
import type { DigestLang } from '../../store/digest.js';
import { decodeConversation } from '../conversation-id.js';

/** A channel the digest can be posted to. */
export interface DigestChannel {
  platform: 'slack' | 'discord';
  channelId: string;
  /** The claim key, e.g. `slack:C123` or `discord:1234567890`. */
  key: string;
}

/** A channel with the language(s) to post in and where the setting came from. */
export interface DigestTarget extends DigestChannel {
  lang: DigestLang;
  source: 'subscription' | 'config';
  /** When it was subscribed (null for configured channels). */
  since: string | null;
}

/** The digest key of a platform channel. */
export function channelKey(platform: 'slack' | 'discord', channelId: string): string {
  return `${platform}:${channelId}`;
}

/**
 * The channel behind a conversation id: `slack:C123` or `slack:C123:<thread ts>` (the thread's
 * channel) and `discord:<guild>:<channel>`. Null for the console and Discord DMs, which have
 * no channel to post a weekly digest in.
 */
export function channelFromConversation(conversationId: string | undefined): DigestChannel | null {
  const c = decodeConversation(conversationId);
  if (c?.platform === 'slack') return { platform: 'slack', channelId: c.channel, key: channelKey('slack', c.channel) };
  if (c?.platform === 'discord' && !c.dm) return { platform: 'discord', channelId: c.channel, key: channelKey('discord', c.channel) };
  return null;
}
