/**
 * Every `kajaani-bot` subcommand's usage, in one table: `kajaani-bot help` prints all of it,
 * `kajaani-bot <sub> [<sub2>] --help` (and `kajaani-bot help <sub>`) the matching lines, and
 * each subcommand's own usage errors print the same lines. A new subcommand is one more row.
 */

/** One line of usage: the subcommand path (`digest preview`), its syntax and what it does. */
export interface CliUsage {
  path: string;
  line: string;
  about: string;
  /** More lines, shown only when this one subcommand's usage is asked for (`import --help`). */
  details?: readonly string[];
}

export const CLI_USAGES: readonly CliUsage[] = [
  { path: 'ask', line: 'kajaani-bot ask "<question>" [--json] [--user <name>]', about: 'answer one question; --json prints one JSON object' },
  {
    path: 'console',
    line: 'kajaani-bot console [--json] [--user <name>]',
    about: 'chat in the terminal; /quit or Ctrl-D ends it. On a pipe: one message per line; --json prints one JSON object per line',
  },
  { path: 'start', line: 'kajaani-bot start', about: 'run the configured adapters (Slack, Discord); the console chat when none is configured' },
  {
    path: 'export',
    line: 'kajaani-bot export [--format csv|json] [--out <file>] [--force] [--user <name>]',
    about: 'every outcome as CSV (default) or JSON, on stdout or into <file> (--force overwrites it); admins only',
  },
  {
    path: 'digest preview',
    line: 'kajaani-bot digest preview [--period 2026-W48] [--lang en|fi|both] [--json] [--chart <file.png>]',
    about: 'print the weekly digest (default: last week; the current week so far is allowed); --chart writes its chart as PNG',
  },
  { path: 'digest run', line: 'kajaani-bot digest run [--period 2026-W48] [--json]', about: 'post the digest to its channels, as the scheduler does (once per channel)' },
  {
    path: 'remind preview',
    line: 'kajaani-bot remind preview [--period 2026-12] [--json]',
    about: 'who would get a check-in reminder for the month (default: this month) and what it says; why each other reporter is skipped',
  },
  { path: 'remind run', line: 'kajaani-bot remind run [--period 2026-12] [--json]', about: 'send the month\'s check-in reminders now (each reporter at most once a month)' },
  { path: 'discord register', line: 'kajaani-bot discord register', about: 'register (replace) the Discord slash commands, then print the invite link' },
  { path: 'discord invite', line: 'kajaani-bot discord invite', about: 'print the Discord invite link' },
  { path: 'backup', line: 'kajaani-bot backup <file> [--force]', about: 'online copy of the database, safe while the bot runs; --force overwrites <file>' },
  { path: 'restore', line: 'kajaani-bot restore <file>', about: 'replace the database with a backup (stop the bot first)' },
  {
    path: 'import',
    line: 'kajaani-bot import <file.csv|file.json> [--dry-run] [--skip-invalid] [--allow-duplicates] [--user <name>] [--json]',
    about: 'import past outcomes from a file in the /export csv or json format; admins only',
    details: [
      'CSV: UTF-8 with or without BOM, comma or semicolon separated (Excel\'s "CSV UTF-8").',
      'Every row is checked like /report; nothing is stored when any row fails.',
      '  --dry-run           check everything, store nothing',
      '  --skip-invalid      store the valid rows; report and skip the others',
      '  --allow-duplicates  store rows that look like outcomes already stored (or earlier in the file)',
      '  --user <name>       act as console:<name> (default: your login name); must be an admin',
      '  --json              print one JSON object: {"ok","stored","skipped","problems":[{"line","field","message"}],…}',
      'Exit codes: 0 stored (or a clean dry run), 1 nothing stored (problems, not an admin),',
      '2 usage error (no file, unknown option, a file that cannot be opened).',
    ],
  },
  { path: 'help', line: 'kajaani-bot help [<command>]', about: 'this text, or one command\'s; every command also takes --help' },
];

/** Said once under the table: options several subcommands share. */
const NOTES = [
  '--user <name> (ask, console, export) acts as the console user console:<name> (--user console:<name> is the same);',
  'the default is your login name. A Slack or Discord id is refused: grant the console: id a role instead.',
];

/** The usage lines whose path is `path` or starts with it (`digest` → preview and run); all of them for ''. */
function matching(path: string): CliUsage[] {
  return CLI_USAGES.filter((u) => path === '' || u.path === path || u.path.startsWith(`${path} `));
}

/** True when `path` names a subcommand (or a group of them, like `digest`). */
export function isCliPath(path: string): boolean {
  return path !== '' && matching(path).length > 0;
}

/** "Usage:" and the lines for `path` ('' for everything, with the shared notes). */
export function usageText(path = ''): string {
  const found = matching(path);
  const lines = found.flatMap((u) => [`  ${u.line}`, `      ${u.about}`, ...(path !== '' && found.length === 1 ? (u.details ?? []).map((d) => `      ${d}`) : [])]);
  const notes = path === '' || ['ask', 'console', 'export'].includes(path) ? ['', ...NOTES.map((n) => `  ${n}`)] : [];
  return ['Usage:', ...lines, ...notes].join('\n');
}

/**
 * The subcommand path a `--help` (or `-h`) asks about: the leading words of `argv` that name
 * subcommands (`digest preview --help` → `digest preview`). Null without --help.
 */
export function helpPath(argv: readonly string[]): string | null {
  if (!argv.includes('--help') && !argv.includes('-h')) return null;
  let path = '';
  for (const word of argv) {
    if (word.startsWith('-')) break;
    const next = path === '' ? word : `${path} ${word}`;
    if (!isCliPath(next)) break;
    path = next;
  }
  return path;
}
