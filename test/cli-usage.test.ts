/**
 * Issue 12 items 2 and 9, through the built CLI: every subcommand takes --help (usage, exit
 * 0), `kajaani-bot help` lists every option the README documents, `backup` without a file
 * prints its usage (exit 2), and the README's quick start and --user are what a newcomer needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_USAGES, helpPath } from '../src/cli-usage.js';
import { commands } from '../src/core/commands/index.js';
import { cliPlace } from './helpers/cli.js';

const README = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
const place = cliPlace();

/** The README's text from a `## heading` to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

describe('--help on every subcommand', () => {
  it('finds the subcommand a --help is about', () => {
    expect(helpPath(['digest', 'preview', '--period', 'x', '--help'])).toBe('digest preview');
    expect(helpPath(['digest', '--help'])).toBe('digest');
    expect(helpPath(['backup', 'file.db', '-h'])).toBe('backup');
    expect(helpPath(['ask', 'what is this?'])).toBeNull();
  });

  it.each(CLI_USAGES.map((u) => [u.path, u] as const))('kajaani-bot %s --help prints its usage and exits 0', async (sub, u) => {
    const r = await place.run([...sub.split(' '), '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\n/);
    expect(r.stdout).toContain(u.line);
    expect(r.stderr).toBe('');
  });

  it('covers a group (digest --help shows preview and run) and help <command>', async () => {
    const digest = await place.run(['digest', '--help']);
    expect(digest.code).toBe(0);
    expect(digest.stdout).toContain('kajaani-bot digest preview');
    expect(digest.stdout).toContain('kajaani-bot digest run');
    expect(digest.stdout).not.toContain('kajaani-bot backup');
    const viaHelp = await place.run(['help', 'digest', 'preview']);
    expect(viaHelp.stdout).toBe((await place.run(['digest', 'preview', '-h'])).stdout);
  });

  it('refuses an unknown command, even with --help (exit 2)', async () => {
    for (const args of [['nosuch', '--help'], ['help', 'nosuch'], ['nosuch']]) {
      const r = await place.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Unknown command "nosuch"/);
    }
  });
});

describe('kajaani-bot help and the README', () => {
  it('lists every option the README documents for kajaani-bot', async () => {
    const help = await place.run(['help']);
    expect(help.code).toBe(0);
    // The options in the Command line section and on any README line that runs kajaani-bot.
    const lines = [...section('Command line').split('\n'), ...README.split('\n').filter((l) => l.includes('kajaani-bot '))];
    const documented = new Set(lines.flatMap((l) => l.match(/--[a-z][a-z-]*/g) ?? []));
    expect(documented).toContain('--chart');
    expect(documented.size).toBeGreaterThanOrEqual(9);
    for (const option of documented) expect(help.stdout, option).toContain(option);
    // And the other way round: nothing the CLI takes is missing from the README.
    for (const option of new Set(help.stdout.match(/--[a-z][a-z-]*/g))) expect(documented, option).toContain(option);
  });

  it('says the console ends with /quit or Ctrl-D in the quick start, which stays two steps', () => {
    const quick = section('Quick start');
    const block = /```sh\n([\s\S]*?)```/.exec(quick)![1]!.trim().split('\n');
    expect(block).toEqual(['npm install && npm start', 'npm test']);
    expect(quick).toMatch(/\/quit.*Ctrl-D/);
  });

  it('documents --user with its console: prefix', () => {
    const cli = section('Command line');
    expect(cli).toMatch(/`--user anna` and `--user console:anna` are the same/);
    expect(cli).toContain('console:<name>');
  });

  it('lists every chat command and each of its Finnish names', () => {
    const table = section('Chat commands');
    for (const c of commands.filter((x) => !x.hidden)) {
      expect(table, c.name).toContain(`\`/${c.name}`);
      for (const alias of c.aliases) expect(table, alias).toContain(`/${alias}`);
    }
  });
});

describe('kajaani-bot backup without a file', () => {
  it('prints its usage and exits 2', async () => {
    const r = await place.run(['backup']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe((await place.run(['backup', '--help'])).stdout.trim());
    expect(r.stderr).not.toMatch(/Give the file/);
    expect(r.stdout).toBe('');
  });
});
