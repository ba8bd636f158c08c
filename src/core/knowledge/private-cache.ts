/**
 * A private on-disk cache for derived knowledge data (parsed YAML, the compiled answer index),
 * issue 11 item 5. It used to live in a predictable folder under TMPDIR, where another local
 * user could create the folder first and plant entries (every source URL replaced by a
 * phishing link was shown to work). Now:
 *
 *   - the folder is the user's own cache folder, `$XDG_CACHE_HOME/kajaani-bot` or
 *     `~/.cache/kajaani-bot`, created 0700;
 *   - before use it must be a real folder (not a symlink) owned by this process's user with no
 *     group/other permissions; otherwise the cache is off for the process (reported once) and
 *     everything is built from the source files;
 *   - each entry carries the hash of the inputs it was built from and a SHA-256 of its
 *     payload; an entry that does not match both is ignored (reported) and rebuilt.
 *
 * The hashes catch a damaged, truncated or swapped entry; they are not a secret, so the real
 * protection against other users is the folder's owner and mode. Any cache problem only costs
 * speed: callers fall back to building.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../../store/file-modes.js';

/** Bump when the entry layout changes; older entries are then ignored. */
const ENTRY_FORMAT = 1;

/** Something the operator may want to know: the cache is off, or an entry was refused. */
export interface CacheProblem {
  dir: string;
  /** `folder`: the cache is off for this process; `entry`: one entry was ignored and rebuilt. */
  kind: 'folder' | 'entry';
  reason: string;
  file?: string;
}

export interface PrivateCacheOptions {
  dir: string;
  /** The user the folder must belong to (default: this process's uid; tests inject another). */
  uid?: number;
  onProblem?: (problem: CacheProblem) => void;
}

/** The first line of an entry; the payload (JSON text) follows it. */
interface EntryHeader {
  format: number;
  kind: string;
  /** Hash of everything the payload was built from, as the caller computed it. */
  source: string;
  /** SHA-256 of the payload text. */
  sha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A checked cache folder. Construct it through `knowledgeCache()` unless a test needs its own. */
export class PrivateCache {
  readonly dir: string;
  private usable: boolean | undefined;

  constructor(private readonly options: PrivateCacheOptions) {
    this.dir = path.resolve(options.dir);
  }

  /** The verified payload for `kind` built from `source`, or undefined (missing, refused, unreadable). */
  read(kind: string, source: string): unknown {
    if (!this.ready()) return undefined;
    const file = this.fileFor(kind, source);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined; // Not cached yet.
    }
    const cut = text.indexOf('\n');
    const payload = cut === -1 ? '' : text.slice(cut + 1);
    let header: Partial<EntryHeader> | undefined;
    try {
      header = JSON.parse(text.slice(0, cut)) as Partial<EntryHeader>;
    } catch {
      header = undefined;
    }
    const reason =
      header?.format !== ENTRY_FORMAT || header.kind !== kind
        ? 'not an entry of this format'
        : header.source !== source
          ? 'built from other inputs'
          : header.sha256 !== sha256(payload)
            ? 'its content does not match its hash'
            : undefined;
    if (reason === undefined) {
      try {
        return JSON.parse(payload) as unknown;
      } catch {
        // Unreachable with a matching hash unless written wrong; treat as refused.
      }
    }
    this.report({ kind: 'entry', reason: `ignored and rebuilt: ${reason ?? 'not JSON'}`, file });
    rmSync(file, { force: true });
    return undefined;
  }

  /** Stores `value` (JSON-serialisable) for `kind` built from `source`. Failures only cost speed. */
  write(kind: string, source: string, value: unknown): void {
    if (!this.ready()) return;
    const file = this.fileFor(kind, source);
    const payload = JSON.stringify(value);
    const header: EntryHeader = { format: ENTRY_FORMAT, kind, source, sha256: sha256(payload) };
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, `${JSON.stringify(header)}\n${payload}`, { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  private fileFor(kind: string, source: string): string {
    return path.join(this.dir, `${kind.replace(/[^a-z0-9-]/gi, '_')}-${source.replace(/[^a-f0-9]/gi, '').slice(0, 32)}.json`);
  }

  /** Creates (0700) and checks the folder once; false when the cache is off. */
  private ready(): boolean {
    if (this.usable === undefined) {
      const problem = this.checkFolder();
      this.usable = problem === undefined;
      if (problem !== undefined) this.report({ kind: 'folder', reason: `cache off: ${problem}` });
    }
    return this.usable;
  }

  private checkFolder(): string | undefined {
    try {
      makePrivateFolder(this.dir);
    } catch (err) {
      return `cannot create the folder (${(err as Error).message})`;
    }
    const uid = this.options.uid ?? process.getuid?.();
    const st = lstatSync(this.dir);
    if (st.isSymbolicLink()) return 'the folder is a symbolic link';
    if (!st.isDirectory()) return 'it is not a folder';
    // Without uids (Windows) there is no owner or mode to check.
    if (uid === undefined) return undefined;
    if (st.uid !== uid) return `the folder belongs to uid ${st.uid}, not to this user (${uid}); remove it`;
    const mode = st.mode & 0o777;
    if ((mode & 0o077) !== 0) return `the folder's mode is ${mode.toString(8)}, others may write to it; remove it (it is re-created 700)`;
    return undefined;
  }

  private report(p: Omit<CacheProblem, 'dir'>): void {
    const problem = { dir: this.dir, ...p };
    this.options.onProblem?.(problem);
    listener?.(problem);
  }
}

let listener: ((problem: CacheProblem) => void) | undefined;

/** Where cache problems are told (the composition root logs them). One listener per process. */
export function onKnowledgeCacheProblem(fn: ((problem: CacheProblem) => void) | undefined): void {
  listener = fn;
}

/** `$XDG_CACHE_HOME/kajaani-bot` (when set and absolute, as the XDG spec asks) or `~/.cache/kajaani-bot`. */
export function knowledgeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'kajaani-bot');
}

const caches = new Map<string, PrivateCache>();

/** The process's cache for the current cache folder (checked once per folder). */
export function knowledgeCache(): PrivateCache {
  const dir = knowledgeCacheDir();
  let cache = caches.get(dir);
  if (!cache) {
    cache = new PrivateCache({ dir });
    caches.set(dir, cache);
  }
  return cache;
}
