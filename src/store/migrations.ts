/**
 * Versioned schema migrations. `PRAGMA user_version` holds the applied version; each entry
 * moves the schema from `version - 1` to `version` and runs in one transaction.
 * Append only: never edit a migration that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'bookkeeping table for the bot itself',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO meta (key, value) VALUES ('application', 'kajaani-bot');
    `,
  },
];

/** The schema version this build writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
