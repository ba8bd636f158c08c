/** The channels that get the digest: subscriptions from chat plus channels from configuration. */
import type { Lang } from '../core/reply.js';
import { channelKey, type DigestTarget } from '../core/digest/channels.js';
import { listSubscriptions } from '../store/digest.js';
import type { Store } from '../store/store.js';
import type { DigestConfig } from './config.js';

/**
 * Every target, by key. A subscription made in the channel wins over the same channel in
 * configuration: it is the newer, explicit choice of the channel's admins.
 */
export function digestTargets(store: Store, config: DigestConfig, defaultLang: Lang): DigestTarget[] {
  const targets = new Map<string, DigestTarget>();
  const fromConfig = [
    ...config.DIGEST_SLACK_CHANNELS.map((c) => ({ ...c, platform: 'slack' as const })),
    ...config.DIGEST_DISCORD_CHANNELS.map((c) => ({ ...c, platform: 'discord' as const })),
  ];
  for (const c of fromConfig) {
    const key = channelKey(c.platform, c.channelId);
    targets.set(key, { platform: c.platform, channelId: c.channelId, key, lang: c.lang ?? defaultLang, source: 'config', since: null });
  }
  for (const s of listSubscriptions(store)) {
    const channelId = s.channel.slice(s.platform.length + 1);
    targets.set(s.channel, { platform: s.platform, channelId, key: s.channel, lang: s.lang, source: 'subscription', since: s.subscribedAt });
  }
  return [...targets.values()].sort((a, b) => a.key.localeCompare(b.key));
}
