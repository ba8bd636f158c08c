/**
 * Conversation memory: what each conversation last asked, for a short while, so every
 * surface (console, Slack, Discord) can answer "and Sotkamo?" or "tell me more". In memory
 * only, bounded in time and in size; nothing survives a restart, by design.
 */
import { decodeConversation } from './conversation-id.js';

/** People follow up within minutes; a short question after a long pause starts afresh. */
export const MEMORY_TTL_MS = 15 * 60_000;
/**
 * At most this many conversations are remembered (a remembered frame is well under 2 KB,
 * so this bounds the memory to a few MB); the least recently answered are forgotten first.
 */
export const MAX_CONVERSATIONS = 2_000;

export interface ConversationMemoryOptions {
  ttlMs?: number;
  maxConversations?: number;
  /** The clock, in milliseconds; tests replace it. */
  now?: () => number;
}

/** A remembered value of one conversation, read and written by whoever answers in it. */
export interface MemorySlot<T> {
  recall(): T | undefined;
  remember(value: T): void;
}

/**
 * The memory key of a message, or undefined when it has none (a one-shot `kajaani-bot ask`
 * is stateless). A thread (`slack:C123:1712.01`) or a direct conversation (a DM, the console
 * session) is one conversation whoever writes in it; in a shared channel each user has a
 * conversation of their own. Ids come from the one codec (`conversation-id.ts`).
 */
export function memoryKey(conversationId: string | undefined, user: string): string | undefined {
  if (!conversationId) return undefined;
  const c = decodeConversation(conversationId);
  return c && (c.thread !== null || c.dm) ? conversationId : `${conversationId}|${user}`;
}

/** A bounded, expiring map from conversation key to its last remembered value. */
export class ConversationMemory<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: ConversationMemoryOptions = {}) {
    this.ttlMs = opts.ttlMs ?? MEMORY_TTL_MS;
    this.max = Math.max(1, opts.maxConversations ?? MAX_CONVERSATIONS);
    this.now = opts.now ?? Date.now;
  }

  /** Conversations remembered right now (expired ones may linger until the next write). */
  get size(): number {
    return this.entries.size;
  }

  /** The value remembered for a key, unless it has expired. */
  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Remembers a value for a key, forgetting expired and then least recently written entries. */
  set(key: string, value: T): void {
    const at = this.now();
    this.entries.delete(key);
    this.entries.set(key, { value, at });
    // Entries are in write order, so the expired ones and the oldest are at the front.
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.max && at - e.at < this.ttlMs) break;
      this.entries.delete(k);
    }
  }

  /** The slot of one message's conversation, or undefined for a stateless message. */
  slotFor(conversationId: string | undefined, user: string): MemorySlot<T> | undefined {
    const key = memoryKey(conversationId, user);
    if (key === undefined) return undefined;
    return { recall: () => this.get(key), remember: (value) => this.set(key, value) };
  }
}
