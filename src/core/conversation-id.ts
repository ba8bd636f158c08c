/**
 * Conversation ids: one codec, so adapters write them and the core (digest subscriptions,
 * conversation memory) reads them the same way. The forms are
 *
 *   slack:C123              a Slack channel (C…, G… private) or a DM (D…)
 *   slack:C123:1712.01      a thread in it (the thread's root ts)
 *   discord:<guild>:<chan>  a Discord server channel (threads are channels there)
 *   discord:dm:<chan>       a Discord DM channel
 *   console:local           the one console conversation
 *
 * The decoded form says whether a conversation is a thread (`thread`) or a direct
 * conversation with the bot (`dm`: Slack and Discord DMs, and the console). Ids never hold the
 * user: state that must be per user in a shared channel adds the user itself.
 */

/** A decoded conversation id. */
export type Conversation =
  | { platform: 'slack'; channel: string; thread: string | null; dm: boolean }
  | { platform: 'discord'; guild: string | null; channel: string; thread: null; dm: boolean }
  | { platform: 'console'; name: string; thread: null; dm: true };

/** What a platform adapter knows about where a message was written. */
export type ConversationInput =
  | { platform: 'slack'; channel: string; thread?: string | null }
  | { platform: 'discord'; guild: string | null; channel: string }
  | { platform: 'console'; name?: string };

/** Slack ids and Discord snowflakes never contain ':' or whitespace; anything else is refused. */
const PART = /^[^\s:]+$/;
/** Slack thread timestamps: seconds.microseconds. */
const SLACK_TS = /^\d+\.\d+$/;

/** Builds the id for a conversation. Throws on a part that could not be decoded again. */
export function encodeConversation(c: ConversationInput): string {
  const parts: string[] = [c.platform];
  if (c.platform === 'slack') {
    parts.push(c.channel);
    if (c.thread) parts.push(c.thread);
  } else if (c.platform === 'discord') {
    parts.push(c.guild ?? 'dm', c.channel);
  } else {
    parts.push(c.name ?? 'local');
  }
  const id = parts.join(':');
  // Whatever is written must read back the same: the round trip is the codec's promise.
  if (decodeConversation(id) === null) throw new Error(`not a valid conversation: ${JSON.stringify(c)}`);
  return id;
}

/** Reads an id back; null for anything that is not one of the forms above. */
export function decodeConversation(id: string | undefined): Conversation | null {
  if (!id) return null;
  const parts = id.split(':');
  if (!parts.slice(1).every((p) => PART.test(p))) return null;
  const [platform, a, b] = parts;
  if (platform === 'slack' && a && (parts.length === 2 || (parts.length === 3 && SLACK_TS.test(b!)))) {
    return { platform, channel: a, thread: b ?? null, dm: a.startsWith('D') };
  }
  if (platform === 'discord' && a && b && parts.length === 3) {
    return a === 'dm' ? { platform, guild: null, channel: b, thread: null, dm: true } : { platform, guild: a, channel: b, thread: null, dm: false };
  }
  if (platform === 'console' && a && parts.length === 2) return { platform, name: a, thread: null, dm: true };
  return null;
}

