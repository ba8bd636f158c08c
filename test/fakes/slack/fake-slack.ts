/**
 * A fake Slack on 127.0.0.1 for end-to-end adapter tests: the Web API (`/api/<method>`),
 * response_url endpoints (`/response/<id>`) and a Socket Mode WebSocket (`/socket`). It
 * records every call and speaks the real payload shapes, so the real Bolt app can run
 * against it unchanged.
 *
 * A slash command can be answered two ways, and Slack shows both the same: a message in the
 * acknowledgement (the HTTP response body, or the Socket Mode ack's payload) or posts to the
 * response_url. The fake records both in `responses`, marked `via`, when the command was
 * sent through it (`deliver` over HTTP, `push` in Socket Mode).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One recorded Web API call. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** One recorded answer to a slash command or a click: a response_url post, or the message its ack carried. */
export interface ResponsePost {
  /** The response_url id (`/response/<id>`) of the command. */
  id: string;
  body: Record<string, unknown>;
  via: 'response_url' | 'ack';
}

/** One HTTP request `deliver` sent to the app, and what the app answered. */
export interface Delivered {
  status: number;
  /** The response body as sent (empty for a bare ack). */
  text: string;
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const TEAM_ID = 'T0TEST';

/** Parses a Web API body: form-encoded (objects arrive as JSON strings) or JSON. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the text
      }
    }
    out[k] = v;
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Polls `check` until it returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** HTTP mode: every request sent with `deliver`, with the app's response. */
  readonly delivered: Delivered[] = [];
  /** Socket Mode: envelopes acknowledged by the app, by envelope id. */
  readonly acks = new Map<string, Record<string, unknown>>();
  /** Socket Mode: how many times the app has connected. */
  connections = 0;
  /** Slack locale per user for users.info (default en-US). */
  readonly locales = new Map<string, string>();
  private readonly rateLimits = new Map<string, number[]>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private envelopeSeq = 0;
  private tsSeq = 0;

  private constructor() {
    this.server.on('upgrade', (req, sock, head) => {
      this.wss.handleUpgrade(req, sock, head, (ws) => this.onSocket(ws));
    });
  }

  /** Starts the fake on a free port on 127.0.0.1. */
  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url the fake records posts to. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `times` calls of `method` get 429 with `Retry-After: retryAfterSec`. */
  rateLimit(method: string, retryAfterSec: number, times = 1): void {
    this.rateLimits.set(method, Array.from({ length: times }, () => retryAfterSec));
  }

  /** Recorded calls of one method. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits for the n-th (1-based) call of a method. */
  waitForCall(method: string, n = 1, timeoutMs = 5000): Promise<ApiCall> {
    return waitFor(() => this.callsOf(method)[n - 1], `${method} call #${n}`, timeoutMs);
  }

  /** Waits for the n-th answer (ack-carried or response_url post) to a response_url id. */
  waitForResponse(id: string, n = 1, timeoutMs = 5000): Promise<ResponsePost> {
    return waitFor(() => this.responses.filter((r) => r.id === id)[n - 1], `answer #${n} to ${id}`, timeoutMs);
  }

  /** The response_url id of one of this fake's response URLs; undefined for any other URL. */
  private responseId(url: unknown): string | undefined {
    const prefix = this.responseUrl('');
    return typeof url === 'string' && url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
  }

  /** A slash command's ack that carries a message is an answer, as Slack shows it. */
  private recordAck(request: Record<string, unknown>, ack: Record<string, unknown>): void {
    const id = this.responseId(request.response_url);
    if (typeof request.command !== 'string' || id === undefined) return;
    if (ack.text === undefined && ack.blocks === undefined) return;
    this.responses.push({ id, body: ack, via: 'ack' });
  }

  /**
   * HTTP mode: sends a request to the app the way Slack does (signed, see `postToApp`) and
   * records the response; a slash command's message in the response body becomes an answer.
   */
  async deliver(appUrl: string, body: string, contentType: string, opts: PostOptions = {}): Promise<Delivered> {
    const res = await postToApp(appUrl, body, contentType, opts);
    this.delivered.push(res);
    if (res.status === 200 && res.text !== '' && contentType.includes('x-www-form-urlencoded')) {
      const request = Object.fromEntries(new URLSearchParams(body));
      try {
        this.recordAck(request, JSON.parse(res.text) as Record<string, unknown>);
      } catch {
        // Not JSON: not a message.
      }
    }
    return res;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: parseBody(raw, req.headers['content-type']), via: 'response_url' });
      return json(200, { ok: true });
    }
    const m = /^\/api\/(.+)$/.exec(url.pathname);
    if (!m) return json(404, { ok: false, error: 'unknown_path' });
    const method = m[1]!;
    const args = parseBody(raw, req.headers['content-type']);
    const limited = this.rateLimits.get(method);
    if (limited && limited.length > 0) {
      const retryAfter = limited.shift()!;
      this.calls.push({ method: `${method}#429`, args });
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
    }
    this.calls.push({ method, args });
    switch (method) {
      case 'auth.test':
        return json(200, { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'kajaani', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID });
      case 'users.info': {
        const user = String(args.user);
        return json(200, { ok: true, user: { id: user, name: user.toLowerCase(), locale: this.locales.get(user) ?? 'en-US' } });
      }
      case 'chat.postMessage':
        return json(200, { ok: true, channel: args.channel, ts: `1700000000.${String(++this.tsSeq).padStart(6, '0')}`, message: { text: args.text } });
      case 'chat.postEphemeral':
        return json(200, { ok: true, message_ts: `1700000000.${String(++this.tsSeq).padStart(6, '0')}` });
      case 'views.open':
      case 'views.publish':
        return json(200, { ok: true, view: { id: 'V1', ...(args.view as object) } });
      case 'apps.connections.open':
        return json(200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
      default:
        return json(200, { ok: true });
    }
  }

  private onSocket(ws: WebSocket): void {
    this.connections++;
    this.socket = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (msg.envelope_id) this.acks.set(msg.envelope_id, msg.payload ?? {});
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0TEST' } }));
  }

  /**
   * Socket Mode: pushes an envelope and waits for the app's ack; returns the ack payload (a
   * slash command's message in it is recorded as an answer).
   */
  async push(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const socket = await waitFor(() => (this.socket?.readyState === 1 ? this.socket : undefined), 'a Socket Mode connection');
    const envelopeId = `env-${++this.envelopeSeq}`;
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    const ack = await waitFor(() => this.acks.get(envelopeId), `ack of ${envelopeId}`);
    if (type === 'slash_commands') this.recordAck(payload, ack);
    return ack;
  }

  /** Socket Mode: asks the app to reconnect, as Slack does before it rotates a connection. */
  disconnect(): void {
    this.socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** Stops the fake; lets open sockets close first (see platform notes: a killed socket leaves a 30 s timer). */
  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.close(1000);
    await waitFor(() => [...this.wss.clients].every((ws) => ws.readyState === 3) || undefined, 'sockets to close', 2000).catch(() => {
      for (const ws of this.wss.clients) ws.terminate();
    });
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  /** Signing secret; undefined sends no signature headers. */
  secret?: string;
  /** Override the timestamp (seconds); default now. */
  timestamp?: number;
  /** Override the signature header. */
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a body to the app the way Slack does (signed). */
export async function postToApp(url: string, body: string, contentType: string, opts: PostOptions = {}): Promise<{ status: number; text: string }> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...opts.headers };
  if (opts.secret !== undefined || opts.signature !== undefined) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = opts.signature ?? sign(opts.secret!, ts, body);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}
