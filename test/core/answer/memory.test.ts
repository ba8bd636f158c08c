import { describe, expect, it } from 'vitest';
import { ConversationMemory, MAX_CONVERSATIONS, MEMORY_TTL_MS, memoryKey } from '../../../src/core/conversation-memory.js';

describe('conversation memory', () => {
  it('forgets a conversation once its time to live has passed (injected clock)', () => {
    let now = 1_000_000;
    const memory = new ConversationMemory<string>({ ttlMs: 15 * 60_000, now: () => now });
    memory.set('console:local|console:a', 'KAMK');
    now += 15 * 60_000 - 1;
    expect(memory.get('console:local|console:a')).toBe('KAMK');
    now += 1;
    expect(memory.get('console:local|console:a')).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it('keeps a conversation alive while it is answered again within the time to live', () => {
    let now = 0;
    const memory = new ConversationMemory<string>({ ttlMs: 1000, now: () => now });
    memory.set('k', 'first');
    now = 900;
    memory.set('k', 'second');
    now = 1800;
    expect(memory.get('k')).toBe('second');
  });

  it('is bounded: the least recently answered conversation is forgotten first', () => {
    let now = 0;
    const memory = new ConversationMemory<number>({ maxConversations: 3, now: () => now++ });
    for (const k of ['a', 'b', 'c']) memory.set(k, 1);
    memory.set('a', 2); // answered again: now the most recent
    memory.set('d', 1);
    expect(memory.size).toBe(3);
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBe(2);
    expect(memory.get('c')).toBe(1);
    expect(memory.get('d')).toBe(1);
  });

  it('never grows past its bound under a flood of conversations', () => {
    const memory = new ConversationMemory<number>({ maxConversations: 50 });
    for (let i = 0; i < 10_000; i++) memory.set(`slack:C1|slack:U${i}`, i);
    expect(memory.size).toBe(50);
    expect(memory.get('slack:C1|slack:U9999')).toBe(9999);
    expect(memory.get('slack:C1|slack:U0')).toBeUndefined();
  });

  it('drops expired conversations when it writes, so idle memory is released', () => {
    let now = 0;
    const memory = new ConversationMemory<number>({ ttlMs: 100, now: () => now });
    for (let i = 0; i < 20; i++) memory.set(`k${i}`, i);
    now = 1000;
    memory.set('fresh', 1);
    expect(memory.size).toBe(1);
  });

  it('has defaults that bound time and size', () => {
    expect(MEMORY_TTL_MS).toBe(15 * 60_000);
    expect(MAX_CONVERSATIONS).toBeGreaterThan(0);
  });
});

describe('conversation memory key', () => {
  it('is the thread for a Slack thread, whoever writes in it', () => {
    expect(memoryKey('slack:C123:1712.01', 'slack:U1')).toBe('slack:C123:1712.01');
    expect(memoryKey('slack:C123:1712.01', 'slack:U2')).toBe(memoryKey('slack:C123:1712.01', 'slack:U1'));
  });

  it('is the conversation for a direct message', () => {
    expect(memoryKey('slack:D42', 'slack:U1')).toBe('slack:D42');
    expect(memoryKey('discord:dm:777', 'discord:9')).toBe('discord:dm:777');
  });

  it('is channel and user for a channel, so two people in one channel keep their own topics', () => {
    expect(memoryKey('slack:C123', 'slack:U1')).not.toBe(memoryKey('slack:C123', 'slack:U2'));
    expect(memoryKey('discord:g1:c1', 'discord:1')).toBe('discord:g1:c1|discord:1');
  });

  it('is the session for the console: one process is one conversation', () => {
    expect(memoryKey('console:local', 'console:alice')).toBe('console:local');
  });

  it('is none without a conversation id: a one-shot question is stateless', () => {
    expect(memoryKey(undefined, 'console:alice')).toBeUndefined();
    expect(new ConversationMemory<string>().slotFor(undefined, 'console:alice')).toBeUndefined();
  });

  it('gives each conversation its own slot', () => {
    const memory = new ConversationMemory<string>();
    memory.slotFor('slack:C1', 'slack:U1')!.remember('CSC');
    expect(memory.slotFor('slack:C1', 'slack:U1')!.recall()).toBe('CSC');
    expect(memory.slotFor('slack:C1', 'slack:U2')!.recall()).toBeUndefined();
  });
});
