/**
 * A small fake Slack Web API on 127.0.0.1 for the digest: chat.postMessage and the external
 * file upload flow (files.getUploadURLExternal → POST bytes to the upload URL →
 * files.completeUploadExternal). The shared test/fakes/slack fake has no file endpoints,
 * so this one stays next to the digest tests. It records every call and can fail or delay
 * a method on request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface Upload {
  fileId: string;
  bytes: Buffer;
  contentType: string | undefined;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export class FakeSlackFiles {
  readonly calls: SlackCall[] = [];
  readonly uploads: Upload[] = [];
  private failures = new Map<string, number>();
  /** Milliseconds every API call waits before answering (to make races real). */
  delayMs = 0;
  private server: http.Server;
  private port = 0;
  private seq = 0;

  private constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeSlackFiles> {
    const f = new FakeSlackFiles();
    await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
    f.port = (f.server.address() as AddressInfo).port;
    return f;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** The next `times` calls of `method` (or `upload`) fail. */
  fail(method: string, times = 1): void {
    this.failures.set(method, times);
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private takeFailure(method: string): boolean {
    const n = this.failures.get(method) ?? 0;
    if (n <= 0) return false;
    this.failures.set(method, n - 1);
    return true;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const upload = /^\/upload\/(F\w+)$/.exec(url.pathname);
    if (upload) {
      this.calls.push({ method: 'upload', args: { fileId: upload[1], length: raw.length }, at: Date.now() });
      if (this.takeFailure('upload')) return json(500, { ok: false });
      this.uploads.push({ fileId: upload[1]!, bytes: raw, contentType: req.headers['content-type'] });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseBody(raw.toString('utf8'), req.headers['content-type']);
    this.calls.push({ method, args, at: Date.now() });
    if (this.takeFailure(method)) return json(200, { ok: false, error: 'internal_error' });
    switch (method) {
      case 'chat.postMessage':
        return json(200, { ok: true, channel: args.channel, ts: `1764000000.${String(++this.seq).padStart(6, '0')}`, message: { text: args.text } });
      case 'files.getUploadURLExternal': {
        // As the method's docs say: the alt text is `alt_txt`, at most 1,000 characters.
        if (typeof args.alt_txt === 'string' && args.alt_txt.length > 1000) return json(200, { ok: false, error: 'alt_txt_too_large' });
        const fileId = `F${String(++this.seq).padStart(8, '0')}`;
        return json(200, { ok: true, file_id: fileId, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}` });
      }
      case 'files.completeUploadExternal': {
        const files = (args.files as { id: string; title?: string }[]) ?? [];
        const known = files.every((f) => this.uploads.some((u) => u.fileId === f.id));
        if (!known) return json(200, { ok: false, error: 'file_not_found' });
        return json(200, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) });
      }
      default:
        return json(200, { ok: false, error: 'unknown_method' });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
