/**
 * The console's `--user`: the console speaks only for console users (issue 11 item 12).
 * `console:anna` and a bare `anna` are the same user; a Slack or Discord id (or any other
 * prefix) is refused, so nobody at the terminal can act, or be audited, as a platform admin.
 * To give a console user rights, grant the `console:` id a role or list it in BOT_ADMINS.
 */
import os from 'node:os';

/** Console user names: what a login name or a short handle holds, and nothing that could forge a line. */
const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** The qualified `console:` id for a `--user` value, or a usage message. */
export function consoleUserId(raw: string): { ok: true; user: string } | { ok: false; message: string } {
  const colon = raw.indexOf(':');
  const prefix = colon === -1 ? undefined : raw.slice(0, colon);
  if (prefix !== undefined && prefix !== 'console') {
    return {
      ok: false,
      message:
        `--user ${JSON.stringify(raw)} is not a console user. The console acts only as console:<name> (or just <name>); ` +
        `to give it a role, grant one to its console: id.`,
    };
  }
  const name = colon === -1 ? raw : raw.slice(colon + 1);
  if (!NAME.test(name)) {
    return {
      ok: false,
      message: `--user ${JSON.stringify(raw)}: give console:<name> or just <name>, where the name is 1–64 letters, digits, ".", "_", "-" or "@".`,
    };
  }
  return { ok: true, user: `console:${name}` };
}

/** The console user when no `--user` is given: `console:<login name>`. */
export function defaultConsoleUser(): string {
  let name = 'user';
  try {
    name = os.userInfo().username || name;
  } catch {
    name = process.env.USER ?? name;
  }
  return `console:${name}`;
}
