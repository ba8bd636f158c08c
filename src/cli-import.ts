/**
 * `kajaani-bot import <file> [--dry-run] [--skip-invalid] [--allow-duplicates] [--user <name>] [--json]`:
 * the command line over src/core/outcomes/import.ts. Acts as a console user (`--user anna`
 * is `console:anna`; default the login name), who must be an admin (BOT_ADMINS or a stored
 * grant, as in chat). Uses BOT_DB_PATH and the knowledge base like the bot.
 *
 * Exit codes: 0 stored (or a clean dry run; with --skip-invalid, the valid rows stored);
 * 1 nothing stored: rows or the file refused, not an admin, the database busy, or the bot
 * cannot start; 2 the command line itself is wrong: no file or more than one, an unknown
 * option, a --user that is not a console user, a file that cannot be opened.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import type { App } from './main.js';
import { openCliApp } from './cli-app.js';
import { consoleUserId, defaultConsoleUser } from './adapters/console/user-id.js';
import { importOutcomes, type ImportReport } from './core/outcomes/import.js';
import { usageText } from './cli-usage.js';
import { MAX_IMPORT_BYTES } from './core/outcomes/import-read.js';
import { describeImportProblem, importProblemMessage, type ImportProblem } from './core/outcomes/import-problems.js';
import type { Lang } from './core/reply.js';

/** Where the CLI reads its settings and writes its output (tests pass their own). */
export interface ImportCliIo {
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
  now?: () => Date;
}

/** `import --help`: the row of the one usage table (src/cli-usage.ts). */
export const IMPORT_USAGE = usageText('import');

/**
 * Problems printed as text: a file of 10,000 bad rows would otherwise scroll for minutes.
 * The JSON output always lists them all.
 */
const SHOWN_PROBLEMS = 200;

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  'allow-duplicates': { type: 'boolean', default: false },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The parsed command line, or what is wrong with it. */
function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return (e as Error).message;
  }
}

/** The JSON form of a problem: where (line, and item for JSON files), which column, what. */
function problemJson(lang: Lang, p: ImportProblem): Record<string, unknown> {
  return { line: p.line, ...(p.item !== undefined ? { item: p.item } : {}), field: p.field, message: importProblemMessage(lang, p) };
}

/** A refusal of the whole import: the message on stderr (with `more` after it), and as JSON on stdout with --json. */
function refuse(io: { out: Writable; err: Writable; json: boolean }, message: string, extra: Record<string, unknown> = {}, more = ''): void {
  if (io.json) io.out.write(`${JSON.stringify({ ok: false, stored: 0, skipped: 0, problems: [{ line: null, field: null, message }], ...extra })}\n`);
  io.err.write(`${message}\n${more}`);
}

/**
 * Reads at most MAX_IMPORT_BYTES + 1 bytes (enough to tell a file is too big without reading
 * it all), in chunks, so a pipe (`<(…)`) whose size is unknown is read whole too.
 */
function readCapped(file: string): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, message: `Cannot read ${file}: ${why}.` };
  }
  try {
    if (fstatSync(fd).isDirectory()) return { ok: false, message: `Cannot read ${file}: it is a folder. Give the file to import.` };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= MAX_IMPORT_BYTES) {
      const chunk = Buffer.alloc(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, message: `Cannot read ${file}: ${(e as Error).message}.` };
  } finally {
    closeSync(fd);
  }
}

/** The closing line of a text report. */
function summary(lang: Lang, r: ImportReport, file: string): string {
  const fi = lang === 'fi';
  const n = r.problems.length;
  if (r.dryRun) {
    if (n === 0) return fi ? `Kuivaharjoitus: kaikki ${r.valid} riviä kelpaavat. Mitään ei tallennettu.` : `Dry run: all ${r.valid} rows are valid. Nothing was stored.`;
    if (r.ok) return fi ? `Kuivaharjoitus: ${r.valid} riviä tallennettaisiin, ${r.skipped} ohitettaisiin. Mitään ei tallennettu.` : `Dry run: ${r.valid} rows would be stored, ${r.skipped} skipped. Nothing was stored.`;
    return fi ? `Kuivaharjoitus: ${n} ongelmaa. Mitään ei tallennettu.` : `Dry run: ${n} problem${n === 1 ? '' : 's'}. Nothing was stored.`;
  }
  if (r.ok) {
    const skipped = r.skipped > 0 ? (fi ? `; ${r.skipped} virheellistä riviä ohitettiin` : `; ${r.skipped} rows with problems were skipped`) : '';
    return fi ? `Tallennettu ${r.stored} tulosta tiedostosta ${file}${skipped}.` : `Stored ${r.stored} outcome${r.stored === 1 ? '' : 's'} from ${file}${skipped}.`;
  }
  const hint = r.valid > 0 ? (fi ? ` (tai tallenna ${r.valid} kelvollista riviä valitsimella --skip-invalid)` : ` (or store the ${r.valid} valid rows with --skip-invalid)`) : '';
  return fi ? `Mitään ei tallennettu: korjaa yllä olevat ongelmat${hint}.` : `Nothing was stored: fix the problem${n === 1 ? '' : 's'} above${hint}.`;
}

/** Prints the report as text. */
function printText(out: Writable, lang: Lang, r: ImportReport, file: string): void {
  const fi = lang === 'fi';
  if (r.format !== null && r.rows > 0) {
    const kind = r.format === 'json' ? 'JSON' : `CSV, ${r.separator === ';' ? (fi ? 'puolipiste-erotin' : 'semicolon-separated') : fi ? 'pilkkuerotin' : 'comma-separated'}`;
    out.write(fi ? `${file}: ${r.rows} riviä (${kind}).\n` : `${file}: ${r.rows} row${r.rows === 1 ? '' : 's'} (${kind}).\n`);
  }
  for (const p of r.problems.slice(0, SHOWN_PROBLEMS)) out.write(`  ${describeImportProblem(lang, p)}\n`);
  if (r.problems.length > SHOWN_PROBLEMS) {
    const more = r.problems.length - SHOWN_PROBLEMS;
    out.write(fi ? `  … ja ${more} muuta ongelmaa (--json luettelee kaikki).\n` : `  … and ${more} more problems (--json lists them all).\n`);
  }
  for (const p of r.notes.slice(0, SHOWN_PROBLEMS)) out.write(`  ${fi ? 'huom' : 'note'}: ${describeImportProblem(lang, p)}\n`);
  out.write(`${summary(lang, r, file)}\n`);
}

/** Opens the app, or says why it cannot start. */
function open(env: NodeJS.ProcessEnv, now: (() => Date) | undefined, io: { out: Writable; err: Writable; json: boolean }): App | null {
  return openCliApp(env, (t) => refuse(io, t.trimEnd()), now ? { now } : {});
}

/** `kajaani-bot import …`. Returns the exit code. */
export async function runImportCli(argv: string[], io: ImportCliIo = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  const to = { out, err, json: argv.includes('--json') };
  const usage = (message: string): number => {
    refuse(to, message, { error: 'usage' }, `${IMPORT_USAGE}\n`);
    return 2;
  };
  const parsed = parse(argv);
  if (typeof parsed === 'string') return usage(parsed);
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0]!.trim() === '') return usage(positionals.length === 0 ? 'Give the file to import.' : 'Give exactly one file.');
  const file = positionals[0]!;
  let user = defaultConsoleUser();
  if (values.user !== undefined) {
    const id = consoleUserId(values.user);
    if (!id.ok) return usage(id.message);
    user = id.user;
  }
  const read = readCapped(file);
  if (!read.ok) return usage(read.message);

  const app = open(io.env ?? process.env, io.now, to);
  if (!app) return 1;
  try {
    const lang = app.services.config.BOT_DEFAULT_LANGUAGE;
    const report = importOutcomes(app.services, { user, fileName: file, bytes: read.bytes }, { dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], allowDuplicates: values['allow-duplicates'] });
    if (report.refused === 'forbidden') {
      refuse(to, `kajaani-bot import refused: ${user} is not an admin. Importing outcomes needs the admin role: list ${user} in BOT_ADMINS, or have an admin run /grant ${user} admin. Nothing was stored.`, { refused: 'forbidden' });
      return 1;
    }
    if (report.refused === 'busy') {
      refuse(to, 'The database is busy (another process held it too long). Nothing was stored; try again.', { refused: 'busy' });
      return 1;
    }
    const base = path.basename(file);
    if (to.json) {
      const { ok, stored, skipped, dryRun, format, rows, valid } = report;
      out.write(`${JSON.stringify({ ok, stored, skipped, problems: report.problems.map((p) => problemJson(lang, p)), dryRun, file: base, format, rows, valid, notes: report.notes.map((p) => problemJson(lang, p)) })}\n`);
    } else {
      printText(out, lang, report, base);
    }
    return report.ok ? 0 : 1;
  } finally {
    app.close();
  }
}
