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
  {
    version: 2,
    description: 'outcomes, roles and the append-only audit history',
    sql: `
      CREATE TABLE outcomes (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        goal_id        TEXT NOT NULL,
        title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
        title_key      TEXT NOT NULL,
        description    TEXT,
        party_id       TEXT,
        happened_on    TEXT NOT NULL CHECK (happened_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(happened_on) = happened_on),
        link           TEXT CHECK (link IS NULL OR link GLOB 'http://*' OR link GLOB 'https://*'),
        business_id    TEXT,
        reported_by    TEXT NOT NULL,
        reported_at    TEXT NOT NULL,
        status         TEXT NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'verified', 'retracted')),
        verified_by    TEXT,
        verified_at    TEXT,
        retracted_by   TEXT,
        retracted_at   TEXT,
        retract_reason TEXT,
        updated_at     TEXT NOT NULL,
        CHECK (status <> 'retracted' OR (retracted_by IS NOT NULL AND retracted_at IS NOT NULL AND retract_reason IS NOT NULL)),
        CHECK (status <> 'verified' OR (verified_by IS NOT NULL AND verified_at IS NOT NULL))
      ) STRICT;
      -- Progress counts per goal read only this index (covering): GROUP BY party / year stays fast.
      CREATE INDEX outcomes_goal_status ON outcomes (goal_id, status, happened_on, party_id);
      CREATE INDEX outcomes_party ON outcomes (party_id);
      CREATE INDEX outcomes_happened ON outcomes (happened_on);
      CREATE INDEX outcomes_title_key ON outcomes (goal_id, title_key);
      CREATE INDEX outcomes_business_id ON outcomes (business_id) WHERE business_id IS NOT NULL;

      -- Nothing reported is ever lost: a retraction is a status, never a DELETE.
      CREATE TRIGGER outcomes_never_deleted BEFORE DELETE ON outcomes
      BEGIN SELECT RAISE(ABORT, 'outcomes are never deleted; retract them instead'); END;

      CREATE TABLE roles (
        user_id    TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('reporter', 'admin')),
        granted_by TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      ) STRICT;

      CREATE TABLE audit (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('report', 'edit', 'verify', 'retract', 'grant', 'revoke')),
        outcome_id INTEGER REFERENCES outcomes (id),
        subject    TEXT,
        before     TEXT,
        after      TEXT
      ) STRICT;
      CREATE INDEX audit_outcome ON audit (outcome_id);
      CREATE INDEX audit_subject ON audit (subject);

      -- The history is append-only.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
    `,
  },
];

/** The schema version this build writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
