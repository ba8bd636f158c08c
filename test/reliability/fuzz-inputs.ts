/**
 * Seeded input generators for the fuzz tests. Every input comes from one PRNG seed, so a
 * failure reproduces with `FUZZ_SEED=<seed>`. Commands are enumerated from the live
 * `commands` table, so a new command is fuzzed without touching this file.
 */
import { commands } from '../../src/core/commands/index.js';

/** A small, fast, seedable PRNG (mulberry32). */
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** The seed of this run: `FUZZ_SEED` when set (to reproduce), otherwise a fresh one. */
export function fuzzSeed(): number {
  const env = process.env.FUZZ_SEED;
  return env !== undefined && env !== '' ? Number(env) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
}

/** Every command name and alias in the command table, without the slash. */
export const COMMAND_NAMES: readonly string[] = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);

/** Code point ranges: the awkward corners of Unicode. */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0x00, 0x1f], // C0 controls, NUL included
  [0x7f, 0x9f], // DEL and C1 controls (U+0085 NEL)
  [0xa0, 0xff], // Latin-1 (NBSP, soft hyphen)
  [0x0300, 0x036f], // combining marks
  [0x0590, 0x05ff], // Hebrew (RTL)
  [0x0600, 0x06ff], // Arabic (RTL, Arabic-Indic digits)
  [0x200b, 0x200f], // zero-width space/joiners, LRM, RLM
  [0x2028, 0x202e], // line/paragraph separators, bidi embeddings and the RLO override
  [0x2066, 0x2069], // bidi isolates
  [0x3000, 0x303f], // CJK punctuation, ideographic space
  [0xd800, 0xdfff], // lone surrogates
  [0xe000, 0xe0ff], // private use
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // BOM
  [0xff01, 0xff5e], // fullwidth ASCII (fullwidth digits, ＝, ＂)
  [0xfff0, 0xffff], // specials, U+FFFD, the noncharacter U+FFFF
  [0x1f300, 0x1f6ff], // emoji (astral)
  [0x1f1e6, 0x1f1ff], // regional indicators (flags)
  [0x20000, 0x2a6df], // CJK extension B (astral)
  [0xe0000, 0xe007f], // tag characters
  [0x10fff0, 0x10ffff], // the last plane's noncharacters
];

/** Random text of `length` code points from the awkward ranges, with Finnish letters and quotes mixed in. */
export function randomUnicode(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = rng.next();
    if (r < 0.35) out += rng.pick(['a', 'e', 'ä', 'ö', 'å', 'Ä', 'k', ' ', ' ', '=', '/', '#', '-', '1', '9', '"', '“', '”', '„', '‘', '’', "'", '@', '<', '>', '\n', '\t', '\r']);
    else if (r < 0.42) out += rng.pick(['👍🏽', '👨‍👩‍👧‍👦', '🇫🇮', 'é', 'n̈', '\u202eOy', 'ﷺ', '𝔸', '\u0000']);
    else {
      const [lo, hi] = rng.pick(RANGES);
      out += String.fromCodePoint(lo + rng.int(hi - lo + 1));
    }
  }
  return out;
}

/** Strings that have broken other programs: SQL, markup, templates, prototype keys, mentions. */
export const INJECTIONS: readonly string[] = [
  "'; DROP TABLE outcomes; --",
  "Robert'); DELETE FROM roles; --",
  '" OR ""="',
  "1 OR 1=1",
  "1; UPDATE outcomes SET status='verified'",
  "x' UNION SELECT * FROM audit --",
  'ATTACH DATABASE "/tmp/evil.db" AS evil',
  'PRAGMA writable_schema=1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '](javascript:alert(1))',
  '*bold* _it_ ~strike~ `code` ```block```',
  '<!channel> <!here> <!everyone>',
  '@everyone @here',
  '<@U012AB> <@&123456> <#C123> <@!81234567>',
  '${process.env.SLACK_BOT_TOKEN}',
  '{{7*7}} #{7*7} <%= 7*7 %>',
  '%s %n %x %d %%',
  '../../../../etc/passwd',
  '\\x00\\u0000 \\n',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '{"__proto__":{"admin":true}}',
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '=HYPERLINK("http://evil")',
  '+cmd|" /C calc"!A0',
  '\u0000',
  '\u202egnp.exe',
  'ｓｅｌｅｃｔ',
];

/**
 * Dates people (and fuzzers) type wrong. `today`, `yesterday`, `eilen`, `31.12.2024` and
 * `15.11.` are accepted dates (issue 12), so they are not here; impossible day.month forms are.
 */
export const BAD_DATES: readonly string[] = [
  '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '0000-01-01', '9999-12-31', '2099-01-01',
  '2020-12-31', '1970-01-01', '2024-1-1', '2024/01/01', '32.12.2024', '29.2.2023', '15.13.', '31.2.2024', '12/31/2024', '31.12.24', 'tomorrow', 'huomenna', '32.1.',
  '2024-05-31T00:00', '2024-05-31Z', '+002024-01-01', '-2024-01-01', '2024-05-3１', '٢٠٢٤-٠٥-٣١', '2024-W22',
  '20240531', '2024-05', '2024', 'NaN-NaN-NaN', 'undefined', '2024‐05‐31', '2024–05–31', ' ', '2024-05-31 extra',
];

/** Numbers (outcome ids, years) people type wrong. */
export const BAD_NUMBERS: readonly string[] = [
  '-1', '0', '00', '#0', '1e3', '1.5', 'NaN', 'Infinity', '-Infinity', '0x1F', '9007199254740993', '999999999999',
  '9999999999999', '#', '##1', '#-1', '１２', '١٢', ' 1 2', '1_000', '1,5', '½', 'Ⅻ', '½e', '-0', '+1', '1n', '1/0',
];

/** Wrong links and Business IDs. */
const BAD_LINKS: readonly string[] = ['javascript:alert(1)', 'http://', 'https://', 'ftp://example.com', 'example.com', 'https://exa mple.com', 'http://.', 'file:///etc/passwd', 'data:text/html,<b>x', 'https://$x', '//evil'];
const BAD_BUSINESS_IDS: readonly string[] = ['1234567-2', '1234567', '123456-78', '12345678-9', 'abcdefg-h', '0000000-1', '1234567–8', '１２３４５６７-８', '1234567-'];

/** Values that are wrong for any field: the malformed pools and random Unicode. */
function wrongValue(rng: Rng): string {
  switch (rng.int(7)) {
    case 0:
      return rng.pick(INJECTIONS);
    case 1:
      return rng.pick(BAD_DATES);
    case 2:
      return rng.pick(BAD_NUMBERS);
    case 3:
      return rng.pick(BAD_LINKS);
    case 4:
      return rng.pick(BAD_BUSINESS_IDS);
    case 5:
      return '';
    default:
      return randomUnicode(rng, 1 + rng.int(24));
  }
}

/** A value written as the grammar allows: bare, or in straight or typographic quotes (sometimes unbalanced). */
function quoteMaybe(rng: Rng, v: string): string {
  switch (rng.int(8)) {
    case 0:
      return `"${v}"`;
    case 1:
      return `“${v}”`;
    case 2:
      return `„${v}“`;
    case 3:
      return `‘${v}’`;
    case 4:
      return rng.pick(['"', '“', '„', '‘', "'"]) + v; // unbalanced
    default:
      return v;
  }
}

const FIELD_KEYS = ['goal', 'title', 'party', 'date', 'link', 'business-id', 'note', 'duplicate', 'reason', 'year', 'status', 'period', 'lang', 'tavoite', 'pvm', 'y-tunnus', 'syy', 'colour', 'constructor', 'toString', 'valueOf', '__proto__', 'x'];

/** One wrong argument: a wrong value positional, or a key=value with a wrong key or value. */
function wrongArgument(rng: Rng): string {
  if (rng.chance(0.5)) return quoteMaybe(rng, wrongValue(rng));
  return `${rng.pick(FIELD_KEYS)}=${quoteMaybe(rng, wrongValue(rng))}`;
}

/** `/<command>` followed by 0–5 wrong arguments; the command spelled as typed by people. */
export function commandWithWrongArgs(rng: Rng, name = rng.pick(COMMAND_NAMES)): string {
  const spelled = rng.chance(0.15) ? name.toUpperCase() : name;
  const args = Array.from({ length: rng.int(6) }, () => wrongArgument(rng));
  return `/${spelled} ${args.join(' ')}`.trimEnd();
}

/** Reports that are valid on their face (the no-role user must still change nothing). */
function plausibleReport(rng: Rng): string {
  const goal = rng.pick(['companies', 'yritykset', 'data-centre-operators', 'service-products', 'technologies']);
  const title = rng.pick(['Acme Oy', 'Fuzz Oy', '"Kajaani Data Oy"', '“Sotkamo Tech”', '👍 Emoji Oy']);
  const extra = rng.pick(['', ' party=KAMK', ' date=2024-05-31', ' link=https://example.com', ' business-id=1572860-0', ' note="x"', ' duplicate=ok']);
  return `/${rng.pick(['report', 'raportoi', 'REPORT'])} ${goal} ${title}${extra}`;
}

/** The kinds of input the general fuzz mixes. */
const KINDS = ['unicode', 'command-wrong-args', 'command-wrong-args', 'command-wrong-args', 'injection', 'long', 'quotes', 'plausible-report', 'grant'] as const;

/** One general fuzz input. */
export function fuzzInput(rng: Rng): string {
  switch (rng.pick(KINDS)) {
    case 'unicode':
      return (rng.chance(0.4) ? '/' : '') + randomUnicode(rng, 1 + rng.int(200));
    case 'command-wrong-args':
      return commandWithWrongArgs(rng);
    case 'injection':
      return `${rng.chance(0.5) ? `/${rng.pick(COMMAND_NAMES)} ` : ''}${rng.pick(INJECTIONS)}`;
    case 'long': {
      // 100 kB lines, and lengths either side of the 20,000-character limit.
      const size = rng.pick([100_000, 100_000, 20_001, 20_000, 19_999, 5_000]);
      const unit = rng.pick(['a', 'ä', '👍', 'yritys ', '"', '=', 'x=y ', randomUnicode(rng, 8)]);
      const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      return rng.chance(0.5) ? `/${rng.pick(COMMAND_NAMES)} ${body}` : body;
    }
    case 'quotes': {
      const q = rng.pick(['"', '“', '”', '„', '‘', '’', "'"]);
      return `/${rng.pick(COMMAND_NAMES)} ${rng.pick(['companies', 'KAMK', '12'])} ${q}${randomUnicode(rng, rng.int(20))} ${rng.pick(FIELD_KEYS)}=${q}x`;
    }
    case 'plausible-report':
      return plausibleReport(rng);
    case 'grant':
      return `/${rng.pick(['grant', 'revoke', 'myonna'])} ${rng.pick(['console:fuzz', 'slack:U999', 'discord:1', 'console:nobody'])} ${rng.pick(['reporter', 'admin', 'ylläpitäjä'])}`;
  }
}

/**
 * A report that is invalid whatever the rest of the line says: random filler (without quote
 * characters, so it cannot swallow what follows) and, last, a poison that the parser keeps
 * (a key given twice keeps the last) and the validation always rejects.
 */
export function invalidReport(rng: Rng): string {
  const filler = Array.from({ length: rng.int(5) }, () => (rng.chance(0.5) ? rng.pick(['companies', 'KAMK', 'Acme Oy', 'party=KAMK', 'date=2024-05-31', 'duplicate=ok']) : wrongValue(rng)).replace(/["'“”„‘’]/g, ''));
  const poison = rng.pick([
    () => `date=${rng.pick(BAD_DATES.filter((d) => d.trim() !== '' && !/\s/.test(d)))}`,
    () => `link=${rng.pick(BAD_LINKS.filter((l) => !/\s/.test(l)))}`,
    () => `business-id=${rng.pick(BAD_BUSINESS_IDS)}`,
    () => `duplicate=${rng.pick(['yes', 'no', '1', 'OK!', 'true'])}`,
    () => `${rng.pick(['colour', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'x', 'reason', 'year'])}=${rng.int(100)}`,
    () => `title="${'t'.repeat(201 + rng.int(50))}"`,
    () => `title="${rng.pick(['x', '', ' '])}"`,
    () => `note="${'n'.repeat(2001)}"`,
    () => `party=""`,
    () => `goal=${rng.pick(['@@@', '12345', '👍👍', 'zzzqqq'])}`,
    () => `${rng.pick(['"', '“', '„', '‘'])}${randomUnicode(rng, 5).replace(/["'“”„‘’]/g, '')}`, // unbalanced, last
  ])();
  return `/${rng.pick(['report', 'raportoi', 'Report'])} ${[...filler, poison].join(' ')}`;
}
