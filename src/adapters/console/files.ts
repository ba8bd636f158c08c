/**
 * Files in a reply, on a surface without attachments: the console saves each data file (an
 * export) in its folder, never over an existing file (`name-1.csv`, `name-2.csv` …), and says
 * where; an image (a digest chart) is shown as its alt text, which says the same in words.
 */
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../core/reply.js';

/** Filesystems without hard links (FAT, some network shares) refuse `link` with these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function linkNoOverwrite(tmp: string, file: string, data: Buffer): void {
  try {
    linkSync(tmp, file);
  } catch (err) {
    if (!NO_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    // No links here: an exclusive create still never overwrites (only a crash mid-write could leave part of it).
    writeFileSync(file, data, { flag: 'wx', mode: 0o600 });
  }
}

/**
 * Writes `data` to `file` whole or not at all: into a temporary file beside it, then linked
 * to the name (which fails with EEXIST if the name exists: no overwriting, even in a race)
 * or, with `overwrite`, renamed over it. Owner-only (0600), like the database it comes from.
 */
export function writeWholeFile(file: string, data: Buffer, overwrite = false): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, data, { flag: 'w', mode: 0o600 });
  try {
    if (overwrite) renameSync(tmp, file);
    else linkNoOverwrite(tmp, file, data);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * How many numbered names are tried before giving up: far more exports of one day than anyone
 * makes, and a bound on the loop if the folder refuses every name for another reason.
 */
const MAX_NAME_TRIES = 1000;

/** `name.csv` → `name-1.csv` for n = 1 (the number goes before the extension). */
function numbered(filename: string, n: number): string {
  if (n === 0) return filename;
  const ext = path.extname(filename);
  return `${filename.slice(0, filename.length - ext.length)}-${n}${ext}`;
}

/** Writes `data` into `dir` as `filename`, or the first free numbered name; never overwrites. Returns the absolute path. */
export function saveNewFile(dir: string, filename: string, data: Buffer): string {
  // Only a name: the core names files, but nothing it says may pick another folder.
  const base = path.basename(filename) || 'kajaani-bot-file';
  for (let n = 0; n < MAX_NAME_TRIES; n++) {
    const file = path.resolve(dir, numbered(base, n));
    try {
      writeWholeFile(file, data);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`no free name for ${base} in ${dir}`);
}

/** A reply whose data files were saved in `dir` (its text says where), and the paths. */
export function saveReplyFiles(r: Reply, dir: string): { reply: Reply; files: string[] } {
  if (r.files.length === 0) return { reply: r, files: [] };
  const fi = r.lang === 'fi';
  const lines: string[] = [];
  const files: string[] = [];
  let failed: string | undefined;
  for (const f of r.files) {
    if (f.alt !== undefined) {
      lines.push(`[${fi ? 'kuva' : 'image'}: ${f.alt}]`);
      continue;
    }
    try {
      const file = saveNewFile(dir, f.filename, f.data);
      files.push(file);
      lines.push(fi ? `Tallennettu: ${file}` : `Saved to ${file}`);
    } catch (err) {
      failed = (err as Error).message;
      lines.push(fi ? `Tiedostoa ${f.filename} ei voitu tallentaa kansioon ${path.resolve(dir)}: ${failed}` : `Could not save ${f.filename} in ${path.resolve(dir)}: ${failed}`);
    }
  }
  const reply: Reply = {
    ...r,
    sections: [...r.sections, { lines }],
    ...(failed !== undefined ? { ok: false, data: { ...r.data, error: 'file' } } : {}),
  };
  return { reply, files };
}
