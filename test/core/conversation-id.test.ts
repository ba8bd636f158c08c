import { describe, expect, it } from 'vitest';
import { decodeConversation, encodeConversation, type ConversationInput } from '../../src/core/conversation-id.js';
import { channelFromConversation } from '../../src/core/digest/channels.js';

describe('conversation ids', () => {
  const cases: [ConversationInput, string][] = [
    [{ platform: 'slack', channel: 'C123' }, 'slack:C123'],
    [{ platform: 'slack', channel: 'C123', thread: '1712.01' }, 'slack:C123:1712.01'],
    [{ platform: 'slack', channel: 'D123' }, 'slack:D123'],
    [{ platform: 'discord', guild: '111', channel: '222' }, 'discord:111:222'],
    [{ platform: 'discord', guild: null, channel: '222' }, 'discord:dm:222'],
    [{ platform: 'console' }, 'console:local'],
  ];

  it.each(cases)('encodes %j as %s and decodes it back to the same place', (input, id) => {
    expect(encodeConversation(input)).toBe(id);
    const decoded = decodeConversation(id)!;
    expect(decoded).not.toBeNull();
    expect(encodeConversation(decoded.platform === 'console' ? { platform: 'console', name: decoded.name } : decoded)).toBe(id);
  });

  it('says whether a conversation is a thread or a DM', () => {
    expect(decodeConversation('slack:C123:1712.01')).toMatchObject({ thread: '1712.01', dm: false });
    expect(decodeConversation('slack:C123')).toMatchObject({ thread: null, dm: false });
    expect(decodeConversation('slack:D123')).toMatchObject({ thread: null, dm: true });
    expect(decodeConversation('discord:dm:222')).toMatchObject({ guild: null, dm: true });
    expect(decodeConversation('discord:111:222')).toMatchObject({ guild: '111', dm: false });
    expect(decodeConversation('console:local')).toMatchObject({ dm: true });
  });

  it('reads nothing from ids it did not write, and refuses to write what it could not read', () => {
    for (const bad of ['', 'slack', 'slack:', 'slack:C1:notats', 'slack:C1:1.2:3', 'discord:111', 'discord:111:222:333', 'teams:x', 'console:', 'slack:C 1']) {
      expect(decodeConversation(bad), bad).toBeNull();
    }
    expect(() => encodeConversation({ platform: 'slack', channel: 'C1:x' })).toThrow();
    expect(() => encodeConversation({ platform: 'slack', channel: 'C1', thread: 'x y' })).toThrow();
  });

  it('gives the digest the channel behind a conversation, and none for Discord DMs or the console', () => {
    expect(channelFromConversation('slack:C123:1712.01')).toEqual({ platform: 'slack', channelId: 'C123', key: 'slack:C123' });
    expect(channelFromConversation('discord:111:222')).toEqual({ platform: 'discord', channelId: '222', key: 'discord:222' });
    expect(channelFromConversation('discord:dm:222')).toBeNull();
    expect(channelFromConversation('console:local')).toBeNull();
  });
});
