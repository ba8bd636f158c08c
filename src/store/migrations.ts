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
  {
    version: 3,
    description: 'weekly digest: channel subscriptions, one claim per (period, channel), indexes for period queries',
    sql: `
      -- One row per subscribed channel; channel is 'slack:<channel>' or 'discord:<channel>'.
      CREATE TABLE digest_subscriptions (
        channel       TEXT PRIMARY KEY,
        platform      TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        conversation  TEXT NOT NULL,
        lang          TEXT NOT NULL CHECK (lang IN ('fi', 'en', 'both')),
        subscribed_by TEXT NOT NULL,
        subscribed_at TEXT NOT NULL
      ) STRICT;

      -- Exactly once: a (period, channel) row is claimed in a transaction before posting and
      -- marked done with the platform's message id after. The primary key is the guarantee.
      CREATE TABLE digest_posts (
        period          TEXT NOT NULL,
        channel         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'failed', 'done', 'skipped', 'abandoned')),
        owner           TEXT NOT NULL,
        claimed_at      TEXT NOT NULL,
        lease_until     TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        message_id      TEXT,
        last_error      TEXT,
        done_at         TEXT,
        PRIMARY KEY (period, channel)
      ) STRICT;
      CREATE INDEX digest_posts_retry ON digest_posts (status, next_attempt_at);

      -- The digest counts and lists by report, retraction and audit time.
      CREATE INDEX outcomes_goal_reported ON outcomes (goal_id, reported_at);
      CREATE INDEX outcomes_reported_at ON outcomes (reported_at);
      CREATE INDEX outcomes_retracted_at ON outcomes (retracted_at) WHERE status = 'retracted';
      CREATE INDEX audit_action_at ON audit (action, at);
    `,
  },
  {
    version: 4,
    description: 'outcome counts per goal, status, party and year, kept by triggers, so progress never counts the outcomes again',
    sql: `
      -- Maintained in the same statement as every change to outcomes (they are never deleted,
      -- so inserts and changes of goal, status, party or date are all there is). Counting and
      -- grouping the index instead took time that grew with the goal: a /report confirmation
      -- ~1 ms, /progress <goal> ~20 ms at 10,000 outcomes in a goal. party_key is '' for none
      -- (a primary key column cannot hold NULL); year is the year the outcome happened.
      CREATE TABLE goal_counts (
        goal_id   TEXT NOT NULL,
        status    TEXT NOT NULL,
        party_key TEXT NOT NULL,
        year      INTEGER NOT NULL,
        n         INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (goal_id, status, party_key, year)
      ) STRICT;
      INSERT INTO goal_counts (goal_id, status, party_key, year, n)
        SELECT goal_id, status, COALESCE(party_id, ''), CAST(substr(happened_on, 1, 4) AS INTEGER), COUNT(*)
        FROM outcomes GROUP BY 1, 2, 3, 4;

      CREATE TRIGGER goal_counts_insert AFTER INSERT ON outcomes
      BEGIN
        INSERT INTO goal_counts (goal_id, status, party_key, year, n)
          VALUES (NEW.goal_id, NEW.status, COALESCE(NEW.party_id, ''), CAST(substr(NEW.happened_on, 1, 4) AS INTEGER), 1)
          ON CONFLICT (goal_id, status, party_key, year) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER goal_counts_update AFTER UPDATE OF goal_id, status, party_id, happened_on ON outcomes
      WHEN OLD.goal_id IS NOT NEW.goal_id OR OLD.status IS NOT NEW.status OR OLD.party_id IS NOT NEW.party_id
        OR substr(OLD.happened_on, 1, 4) IS NOT substr(NEW.happened_on, 1, 4)
      BEGIN
        UPDATE goal_counts SET n = n - 1
          WHERE goal_id = OLD.goal_id AND status = OLD.status AND party_key = COALESCE(OLD.party_id, '')
            AND year = CAST(substr(OLD.happened_on, 1, 4) AS INTEGER);
        INSERT INTO goal_counts (goal_id, status, party_key, year, n)
          VALUES (NEW.goal_id, NEW.status, COALESCE(NEW.party_id, ''), CAST(substr(NEW.happened_on, 1, 4) AS INTEGER), 1)
          ON CONFLICT (goal_id, status, party_key, year) DO UPDATE SET n = n + 1;
      END;
    `,
  },
  {
    version: 5,
    description: '👍/👎 feedback on answers, adopting the table earlier versions created on first use',
    sql: `
      -- Earlier versions created this table on first use (not STRICT); make sure it exists so
      -- its rows can be copied, whether or not anyone ever voted.
      CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, answer_ref TEXT NOT NULL, user_id TEXT NOT NULL,
        vote TEXT NOT NULL, question TEXT, answer TEXT, platform TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (answer_ref, user_id));
      -- One vote per user and answer; a second click replaces the first.
      CREATE TABLE feedback_v4 (
        id         INTEGER PRIMARY KEY,
        answer_ref TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question   TEXT,
        answer     TEXT,
        platform   TEXT NOT NULL,
        at         TEXT NOT NULL,
        UNIQUE (answer_ref, user_id)
      ) STRICT;
      INSERT INTO feedback_v4 (id, answer_ref, user_id, vote, question, answer, platform, at)
        SELECT id, CAST(answer_ref AS TEXT), CAST(user_id AS TEXT), vote, CAST(question AS TEXT), CAST(answer AS TEXT), CAST(platform AS TEXT), CAST(at AS TEXT) FROM feedback;
      DROP TABLE feedback;
      ALTER TABLE feedback_v4 RENAME TO feedback;
      CREATE INDEX feedback_at ON feedback (at);
    `,
  },
  {
    version: 6,
    description: 'outcome fields without a column of their own, kept as one JSON object',
    sql: `
      -- A field added to /report later is stored here (name → text) until it earns a column.
      ALTER TABLE outcomes ADD COLUMN extra TEXT CHECK (extra IS NULL OR (json_valid(extra) AND json_type(extra) = 'object'));
    `,
  },
  {
    version: 7,
    description: 'duplicate keys fold look-alike characters (Cyrillic "А" = Latin "A"): every stored title key recomputed',
    sql: `
      -- kajaani_title_key is titleKey() (src/core/outcomes/normalise.ts), registered by
      -- migrate(): the key a new report is compared by, so old rows match new ones.
      UPDATE outcomes SET title_key = kajaani_title_key(title);
    `,
  },
  {
    version: 8,
    description: "each user's own settings: the language set with /lang",
    sql: `
      -- One row per user who set something; a user without a row follows their platform's locale.
      CREATE TABLE user_settings (
        user_id    TEXT PRIMARY KEY,
        lang       TEXT CHECK (lang IS NULL OR lang IN ('en', 'fi')),
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 9,
    description: "audit entries for imported outcomes (action 'import')",
    sql: `
      -- SQLite cannot change a CHECK constraint in place: the history is copied, ids and all,
      -- into a table that also allows 'import'. DROP TABLE fires no triggers, so the
      -- append-only triggers do not stop it; they are made again on the new table. The
      -- AUTOINCREMENT counter is carried over, so no id is ever given twice.
      CREATE TABLE audit_v9 (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('report', 'edit', 'verify', 'retract', 'grant', 'revoke', 'import')),
        outcome_id INTEGER REFERENCES outcomes (id),
        subject    TEXT,
        before     TEXT,
        after      TEXT
      ) STRICT;
      INSERT INTO audit_v9 (id, at, actor, action, outcome_id, subject, before, after)
        SELECT id, at, actor, action, outcome_id, subject, before, after FROM audit ORDER BY id;
      UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)) WHERE name = 'audit_v9';
      DROP TABLE audit;
      ALTER TABLE audit_v9 RENAME TO audit;
      CREATE INDEX audit_outcome ON audit (outcome_id);
      CREATE INDEX audit_subject ON audit (subject);
      CREATE INDEX audit_action_at ON audit (action, at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
    `,
  },
  {
    version: 10,
    description: 'check-in reminders: per-user opt-out and reachability, one claim per (period, user), a reporter\'s party',
    sql: `
      -- One row per user who said /remind off|on, or whom the bot could not DM. A user with no
      -- row gets reminders (when a reporter).
      CREATE TABLE reminder_users (
        user_id           TEXT PRIMARY KEY,
        opted_out         INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1)),
        changed_at        TEXT,
        -- Set when the platform refused a DM (cannot_dm_bot, user_not_found, Discord 50007):
        -- later runs skip the user instead of failing again; /remind on clears it.
        unreachable_since TEXT,
        unreachable_error TEXT
      ) STRICT;

      -- Exactly once, as digest_posts: a (period, user) row is claimed before the DM is sent
      -- and marked done with the message id after. 'skipped' = the user answered "nothing
      -- this time" before any reminder; 'unreachable' = the platform refused the DM.
      CREATE TABLE reminder_sends (
        period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        user_id         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'failed', 'done', 'skipped', 'abandoned', 'unreachable')),
        owner           TEXT NOT NULL,
        claimed_at      TEXT NOT NULL,
        lease_until     TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        message_id      TEXT,
        last_error      TEXT,
        done_at         TEXT,
        -- "Nothing this time": the user's answer to the reminder, and when.
        answer          TEXT CHECK (answer IS NULL OR answer = 'nothing'),
        answered_at     TEXT,
        PRIMARY KEY (period, user_id)
      ) STRICT;
      CREATE INDEX reminder_sends_retry ON reminder_sends (status, next_attempt_at);

      -- The party a reporter reports for, given with /grant … reporter party=<id> (optional).
      ALTER TABLE roles ADD COLUMN party_id TEXT;

      -- "Has this user reported anything this month?" for every reporter at each run.
      CREATE INDEX outcomes_reported_by ON outcomes (reported_by, reported_at);
    `,
  },
  {
    version: 11,
    description: 'the audit index by subject holds only role changes (the rows that have a subject)',
    sql: `
      -- Every report, edit and import appends an audit row with no subject; indexing those
      -- cost each report one more page in its commit for a look-up (/roles history by user,
      -- subject = ?) that never reads them. SQLite uses a partial index for "subject = ?".
      DROP INDEX audit_subject;
      CREATE INDEX audit_subject ON audit (subject) WHERE subject IS NOT NULL;
    `,
  },
];

/** The schema version this build writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
