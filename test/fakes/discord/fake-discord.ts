/* eslint-disable @typescript-eslint/no-explicit-any -- recorded payloads are arbitrary JSON, read loosely by tests. */
/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real discord.js client:
 * REST on node:http (`/api/v10/...`) and the gateway on `ws`, on one port.
 *
 * It records every REST request (JSON and multipart bodies decoded) and every gateway
 * frame from the client, and speaks enough of the protocol for discord.js: HELLO →
 * IDENTIFY → READY → GUILD_CREATE, heartbeat ACKs, RESUME → RESUMED, and dispatches
 * INTERACTION_CREATE / MESSAGE_CREATE with every field discord.js requires.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The JSON body (for multipart: the decoded `payload_json`). */
  body: any;
  files: RecordedFile[];
  at: number;
}

export interface GatewayFrame {
  op: number;
  d: any;
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface FakeOptions {
  applicationId?: string;
  guildId?: string;
  /** Heartbeat interval sent in HELLO; the client heartbeats at about this period. */
  heartbeatIntervalMs?: number;
}

let counter = 0n;
/** A unique, increasing snowflake-like id. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + counter).toString();
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId = snowflake();
  readonly reporterRoleId = snowflake();
  /**
   * A second server the bot was added to by someone else: it has a role named "Reporters"
   * too, and one named like the operator's reporter role id, to prove neither counts.
   */
  readonly otherGuildId = snowflake();
  readonly otherChannelId = snowflake();
  readonly otherReporterRoleId = snowflake();
  readonly otherIdNamedRoleId = snowflake();
  /** The role Discord manages for the bot (tagged with its id), as on a real server. */
  readonly botRoleId = snowflake();
  readonly botUser: FakeUser = { id: snowflake(), username: 'kajaani-bot', bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Called with every recorded REST request (a benchmark counts answers without scanning `requests`). */
  readonly requestObservers = new Set<(r: RecordedRequest) => void>();
  /** Number of gateway connections opened so far. */
  connections = 0;
  /** Users whose DMs are closed: a message to their DM channel gets 403, code 50007. */
  readonly closedDms = new Set<string>();
  /** DM channels opened through `POST /users/@me/channels`, channel id → user id. */
  readonly dmChannels = new Map<string, string>();

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  private readonly sessionId = `session-${snowflake()}`;
  private readonly waiters = new Set<() => void>();
  /** Interactions and messages dispatched so far, by id (for `replay`). */
  private readonly dispatched = new Map<string, { t: string; d: unknown }>();
  private readonly rateLimits: { match: (r: RecordedRequest) => boolean; retryAfter: number; remaining: number }[] = [];
  private readonly heartbeatIntervalMs: number;
  private port = 0;

  private constructor(options: FakeOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
  }

  /** Starts the fake on an ephemeral port on 127.0.0.1. */
  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ── REST ────────────────────────────────────────────────────────────────────────────

  /** The next `count` requests matching `match` get 429 with `retry-after` seconds. */
  rateLimit(match: (r: RecordedRequest) => boolean, retryAfterSeconds = 0.2, count = 1): void {
    this.rateLimits.push({ match, retryAfter: retryAfterSeconds, remaining: count });
  }

  /** Resolves with the first recorded request (past or future) matching `match`. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(match), timeoutMs, 'request');
  }

  /** Resolves with all requests matching `match` once there are at least `n`. */
  async waitForRequests(match: (r: RecordedRequest) => boolean, n: number, timeoutMs = 5000): Promise<RecordedRequest[]> {
    return this.waitFor(() => {
      const found = this.requests.filter(match);
      return found.length >= n ? found : undefined;
    }, timeoutMs, `${n} requests`);
  }

  /** Resolves with the first gateway frame from the client with this opcode (after `since`). */
  waitForFrame(op: number, since = 0, timeoutMs = 5000): Promise<GatewayFrame> {
    return this.waitFor(() => this.frames.find((f) => f.op === op && f.at >= since), timeoutMs, `gateway op ${op}`);
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter = (): void => {
        const found = check();
        if (found === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: timed out waiting for ${what}; got ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'no requests'}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const contentType = req.headers['content-type'] ?? '';
    let body: any = null;
    const files: RecordedFile[] = [];
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
        }
      }
    } else if (raw.length > 0) {
      body = JSON.parse(raw.toString('utf8'));
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, files, at: Date.now() };

    const limit = this.rateLimits.find((l) => l.remaining > 0 && l.match(recorded));
    if (limit) {
      limit.remaining -= 1;
      this.requests.push({ ...recorded, body: { rateLimited: true, original: body } });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfter), 'x-ratelimit-scope': 'user' });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false }));
      this.notify();
      return;
    }
    this.requests.push(recorded);
    for (const fn of this.requestObservers) fn(recorded);
    const [status, payload] = this.route(recorded);
    if (payload === undefined) {
      res.writeHead(status);
      res.end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    }
    this.notify();
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = (re: RegExp) => re.exec(r.path);
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (r.method === 'PUT' && m(/^\/applications\/\d+\/(guilds\/\d+\/)?commands$/)) {
      return [200, (r.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() }))];
    }
    if (r.method === 'POST' && m(/^\/interactions\/\d+\/[^/]+\/callback$/)) return [204, undefined];
    let hit = m(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    if (hit && r.method === 'PATCH') return [200, this.messageFrom(r.body, 'webhook')];
    if (hit && r.method === 'DELETE') return [204, undefined];
    if (r.method === 'POST' && m(/^\/webhooks\/\d+\/[^/]+$/)) return [200, this.messageFrom(r.body, 'webhook')];
    hit = m(/^\/channels\/(\d+)\/messages$/);
    if (hit && r.method === 'POST' && this.closedDms.has(this.dmChannels.get(hit[1]!) ?? '')) {
      return [403, { message: 'Cannot send messages to this user', code: 50007 }];
    }
    if (hit && r.method === 'POST') return [200, this.messageFrom(r.body, hit[1]!)];
    if (r.method === 'POST' && m(/^\/channels\/\d+\/typing$/)) return [204, undefined];
    if (r.method === 'POST' && r.path === '/users/@me/channels') {
      const recipient = (r.body as { recipient_id: string }).recipient_id;
      this.dmChannels.set(`${recipient.slice(0, -3)}999`, recipient);
      return [200, { id: `${recipient.slice(0, -3)}999`, type: 1, last_message_id: null, recipients: [this.apiUser({ id: recipient, username: 'someone' })] }];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private messageFrom(body: any, channelId: string): unknown {
    return {
      id: snowflake(),
      channel_id: channelId === 'webhook' ? this.channelId : channelId,
      author: this.apiUser(this.botUser),
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      components: [],
    };
  }

  // ── Gateway ─────────────────────────────────────────────────────────────────────────

  private onConnection(ws: WebSocket): void {
    this.connections += 1;
    this.socket = ws;
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: any };
      this.frames.push({ ...frame, at: Date.now() });
      if (frame.op === 1) this.send(ws, { op: 11, d: null, s: null, t: null });
      else if (frame.op === 2) this.onIdentify(ws);
      else if (frame.op === 6) this.send(ws, { op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
      this.notify();
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
  }

  private onIdentify(ws: WebSocket): void {
    this.send(ws, {
      op: 0,
      t: 'READY',
      s: ++this.seq,
      d: {
        v: 10,
        user: { ...this.apiUser(this.botUser), verified: true, mfa_enabled: false, flags: 0 },
        guilds: [
          { id: this.guildId, unavailable: true },
          { id: this.otherGuildId, unavailable: true },
        ],
        session_id: this.sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        user_settings: {},
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
      },
    });
    this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: this.guildPayload(this.guildId, this.channelId, [['Reporters', this.reporterRoleId]]) });
    this.send(ws, {
      op: 0,
      t: 'GUILD_CREATE',
      s: ++this.seq,
      d: this.guildPayload(this.otherGuildId, this.otherChannelId, [['Reporters', this.otherReporterRoleId], [this.reporterRoleId, this.otherIdNamedRoleId]]),
    });
  }

  /** The guild and channel an event comes from. */
  private where(other: boolean | undefined): { guildId: string; channelId: string } {
    return other ? { guildId: this.otherGuildId, channelId: this.otherChannelId } : { guildId: this.guildId, channelId: this.channelId };
  }

  private guildPayload(guildId: string, channelId: string, extraRoles: [name: string, id: string][]): unknown {
    const role = (id: string, name: string, position: number, tags?: object) => ({ id, name, ...(tags ? { tags } : {}), color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position, permissions: '3072', managed: false, mentionable: false, flags: 0 });
    return {
      id: guildId,
      name: guildId === this.guildId ? 'Kajaani ecosystem' : 'Somebody else',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        role(guildId, '@everyone', 0),
        ...extraRoles.map(([name, id], i) => role(id, name, i + 1)),
        ...(guildId === this.guildId ? [{ ...role(this.botRoleId, 'kajaani-bot', 9, { bot_id: this.botUser.id }), managed: true }] : []),
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: this.apiUser(this.botUser), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      channels: [{ id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null }],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private send(ws: WebSocket, payload: unknown): void {
    ws.send(JSON.stringify(payload));
  }

  /** Sends a dispatch event to the current gateway connection. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('fake Discord: no gateway connection');
    if (t === 'INTERACTION_CREATE' || t === 'MESSAGE_CREATE') this.dispatched.set((d as { id: string }).id, { t, d });
    this.send(this.socket, { op: 0, t, s: ++this.seq, d });
  }

  /** Sends an interaction or message again, as the gateway does when it replays events. */
  replay(id: string): void {
    const event = this.dispatched.get(id);
    if (!event) throw new Error(`fake Discord: nothing dispatched with id ${id}`);
    this.dispatch(event.t, event.d);
  }

  /** Asks the client to reconnect (op 7); it should come back and RESUME. */
  requestReconnect(): void {
    if (this.socket) this.send(this.socket, { op: 7, d: null, s: null, t: null });
  }

  /** Drops the connection without a close frame, as a network failure would. */
  dropConnection(): void {
    this.socket?.terminate();
  }

  // ── Payload builders ────────────────────────────────────────────────────────────────

  apiUser(u: FakeUser): Record<string, unknown> {
    return { id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null, bot: u.bot ?? false, system: false, public_flags: 0 };
  }

  private base(type: number, user: FakeUser, opts: InteractionOptions): Record<string, unknown> {
    const id = snowflake();
    const dm = opts.dm ?? false;
    const { guildId, channelId } = this.where(opts.otherGuild);
    return {
      id,
      application_id: this.applicationId,
      type,
      token: `token-${id}`,
      version: 1,
      locale: opts.locale ?? 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: dm ? { '1': user.id } : { '0': guildId },
      context: dm ? 1 : 0,
      attachment_size_limit: 10_485_760,
      ...(dm
        ? { user: this.apiUser(user), channel_id: `${user.id.slice(0, -3)}999`, channel: { id: `${user.id.slice(0, -3)}999`, type: 1, recipients: [this.apiUser(user)] } }
        : {
            guild_id: guildId,
            guild_locale: 'en-US',
            guild: { id: guildId, locale: 'en-US', features: [] },
            channel_id: channelId,
            channel: { id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
            member: { user: this.apiUser(user), roles: opts.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, pending: false, permissions: '2248473465835073', nick: null, avatar: null, premium_since: null, communication_disabled_until: null },
          }),
    };
  }

  /** Dispatches a slash command; returns the interaction's id and token. */
  chatInput(name: string, options: CommandOption[] = [], user: FakeUser = defaultUser, opts: InteractionOptions = {}): { id: string; token: string } {
    const base = this.base(2, user, opts);
    const users = options.filter((o) => o.type === 6).map((o) => [String(o.value), this.apiUser({ id: String(o.value), username: `user${String(o.value).slice(-4)}` })]);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      data: { id: snowflake(), name, type: 1, options, ...(users.length ? { resolved: { users: Object.fromEntries(users) } } : {}), ...(opts.dm ? {} : { guild_id: this.where(opts.otherGuild).guildId }) },
    });
    return { id: base.id as string, token: base.token as string };
  }

  /** Dispatches an autocomplete request; `focused` names the option being typed. */
  autocomplete(name: string, options: CommandOption[], user: FakeUser = defaultUser, opts: InteractionOptions = {}): { id: string; token: string } {
    const base = this.base(4, user, opts);
    this.dispatch('INTERACTION_CREATE', { ...base, data: { id: snowflake(), name, type: 1, options } });
    return { id: base.id as string, token: base.token as string };
  }

  /** Dispatches a modal submission with label-wrapped fields (text inputs and selects). */
  modalSubmit(customId: string, fields: Record<string, string | string[]>, user: FakeUser = defaultUser, opts: InteractionOptions = {}): { id: string; token: string } {
    const base = this.base(5, user, opts);
    let n = 0;
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 18,
      id: ++n,
      component: Array.isArray(value) ? { type: 3, id: ++n, custom_id: id, values: value } : { type: 4, id: ++n, custom_id: id, value },
    }));
    this.dispatch('INTERACTION_CREATE', { ...base, data: { custom_id: customId, components } });
    return { id: base.id as string, token: base.token as string };
  }

  /** Dispatches a button click (MESSAGE_COMPONENT) on a message the bot sent earlier. */
  button(customId: string, user: FakeUser = defaultUser, opts: InteractionOptions = {}): { id: string; token: string } {
    const base = this.base(3, user, opts);
    const message = this.messageFrom({ content: '', embeds: [] }, base.channel_id as string);
    this.dispatch('INTERACTION_CREATE', { ...base, message, data: { custom_id: customId, component_type: 2 } });
    return { id: base.id as string, token: base.token as string };
  }

  /** Dispatches MESSAGE_CREATE: in the guild channel, or a DM when `dm` is set. */
  message(content: string, opts: { user?: FakeUser; dm?: boolean; mentionBot?: boolean; mentionRoles?: string[]; roles?: string[]; id?: string; otherGuild?: boolean } = {}): string {
    const user = opts.user ?? defaultUser;
    const id = opts.id ?? snowflake();
    const dm = opts.dm ?? false;
    const { guildId, channelId } = this.where(opts.otherGuild);
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: dm ? `${user.id.slice(0, -3)}999` : channelId,
      ...(dm ? { channel_type: 1 } : { guild_id: guildId, channel_type: 0, member: { roles: opts.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
      author: this.apiUser(user),
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: opts.mentionBot ? [this.apiUser(this.botUser)] : [],
      mention_roles: opts.mentionRoles ?? [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
    });
    return id;
  }

  /** Closes the gateway and HTTP server, leaving no handles behind. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface InteractionOptions {
  locale?: string;
  dm?: boolean;
  roles?: string[];
  /** From the second server (see `FakeDiscord.otherGuildId`). */
  otherGuild?: boolean;
}

export interface CommandOption {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

/** Option helpers with Discord's option type numbers. */
export const opt = {
  string: (name: string, value: string, focused = false): CommandOption => ({ name, type: 3, value, ...(focused ? { focused } : {}) }),
  integer: (name: string, value: number): CommandOption => ({ name, type: 4, value }),
  boolean: (name: string, value: boolean): CommandOption => ({ name, type: 5, value }),
  user: (name: string, id: string): CommandOption => ({ name, type: 6, value: id }),
};

export const defaultUser: FakeUser = { id: snowflake(), username: 'alice' };
