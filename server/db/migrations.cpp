#include "db/migrations.h"

#include "db/database.h"

#include <spdlog/spdlog.h>

#include <string>
#include <vector>

namespace onewindow::server {

namespace {

struct Migration
{
    int version;
    const char *description;
    std::vector<const char *> statements;
};

// The schema's history, in order: data, not code. Portable SQL: {{ID}} is an auto-increment
// primary key, {{REAL}} a double, {{BLOB}} bytes.
const std::vector<Migration> kMigrations{
    {1,
     "catalog, users, sessions, cases, deficiencies, idempotency, audit",
     {
         "CREATE TABLE centers (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent TEXT REFERENCES centers(code), "
         "kind TEXT NOT NULL)",
         "CREATE TABLE departments (code TEXT PRIMARY KEY, name TEXT NOT NULL)",
         "CREATE TABLE users (username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, "
         "center TEXT REFERENCES centers(code), department TEXT REFERENCES departments(code), "
         "password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE login_failures (id {{ID}}, username TEXT NOT NULL, at TEXT NOT NULL)",
         "CREATE INDEX login_failures_user ON login_failures (username, at)",
         "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES users(username), "
         "created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE matters (code TEXT PRIMARY KEY, name TEXT NOT NULL, department TEXT NOT NULL "
         "REFERENCES departments(code), current_version INTEGER NOT NULL, initials TEXT NOT NULL, "
         "promised_days {{REAL}} NOT NULL, legal_days {{REAL}} NOT NULL)",
         "CREATE TABLE matter_versions (code TEXT NOT NULL REFERENCES matters(code), version INTEGER NOT NULL, "
         "body TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (code, version))",
         "CREATE TABLE bundles (code TEXT PRIMARY KEY, name TEXT NOT NULL, matters TEXT NOT NULL)",
         "CREATE TABLE calendar_days (day TEXT PRIMARY KEY, working INTEGER NOT NULL, holiday TEXT)",
         "CREATE TABLE licenses (id {{ID}}, holder TEXT NOT NULL, type TEXT NOT NULL, number TEXT NOT NULL, "
         "issuer TEXT NOT NULL, valid_until TEXT, trust TEXT NOT NULL)",
         "CREATE INDEX licenses_holder ON licenses (holder)",
         "CREATE TABLE applicant_records (applicant TEXT PRIMARY KEY, broke_commitment INTEGER NOT NULL, "
         "note TEXT, updated_at TEXT NOT NULL)",
         "CREATE TABLE case_counters (center TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL, "
         "PRIMARY KEY (center, day))",
         "CREATE TABLE cases (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, status TEXT NOT NULL, "
         "center TEXT NOT NULL REFERENCES centers(code), clerk TEXT NOT NULL, channel TEXT NOT NULL, "
         "green_channel INTEGER NOT NULL, bundle TEXT, applicant_kind TEXT NOT NULL, applicant_name TEXT NOT NULL, "
         "applicant_id TEXT NOT NULL, applicant_phone TEXT NOT NULL, applicant_legal_rep TEXT, "
         "matters TEXT NOT NULL, departments TEXT NOT NULL, form TEXT NOT NULL, materials TEXT NOT NULL, "
         "accepted_at TEXT NOT NULL, promised_due_date TEXT NOT NULL, legal_due_date TEXT NOT NULL, "
         "version INTEGER NOT NULL, updated_at TEXT NOT NULL, audit_head TEXT)",
         "CREATE INDEX cases_center_order ON cases (center, accepted_at, id)",
         "CREATE INDEX cases_order ON cases (accepted_at, id)",
         "CREATE TABLE deficiencies (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), "
         "material TEXT NOT NULL, material_name TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL, "
         "supplied_at TEXT, provided TEXT, created_at TEXT NOT NULL)",
         "CREATE INDEX deficiencies_case ON deficiencies (case_id)",
         "CREATE INDEX deficiencies_status_due ON deficiencies (status, due_date, id)",
         "CREATE TABLE idempotency_keys (username TEXT NOT NULL, idem_key TEXT NOT NULL, "
         "request_hash TEXT NOT NULL, status_code INTEGER NOT NULL, body TEXT NOT NULL, location TEXT, "
         "etag TEXT, created_at TEXT NOT NULL, PRIMARY KEY (username, idem_key))",
         "CREATE TABLE audit_log (seq {{ID}}, case_id TEXT, at TEXT NOT NULL, actor TEXT NOT NULL, "
         "action TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
         "CREATE INDEX audit_case ON audit_log (case_id, seq)",
         "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
     }},
    {2,
     "deficiency tracking: attachments, reminders, waivers, clock pauses, termination",
     {
         "CREATE TABLE attachments (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), "
         "filename TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
         "content {{BLOB}} NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL)",
         "CREATE INDEX attachments_case ON attachments (case_id, created_at, id)",
         "ALTER TABLE deficiencies ADD COLUMN attachment_id TEXT REFERENCES attachments(id)",
         "ALTER TABLE deficiencies ADD COLUMN supplied_by TEXT",
         "ALTER TABLE deficiencies ADD COLUMN overdue_at TEXT",
         "ALTER TABLE deficiencies ADD COLUMN waived_at TEXT",
         "ALTER TABLE deficiencies ADD COLUMN waived_by TEXT",
         "ALTER TABLE deficiencies ADD COLUMN waive_reason TEXT",
         "ALTER TABLE deficiencies ADD COLUMN terminates_after TEXT",
         "ALTER TABLE cases ADD COLUMN terminated_at TEXT",
         "ALTER TABLE applicant_records ADD COLUMN case_id TEXT",
         "CREATE TABLE notifications (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), "
         "deficiency_id TEXT NOT NULL REFERENCES deficiencies(id), kind TEXT NOT NULL, recipient TEXT NOT NULL, "
         "text TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT, status TEXT NOT NULL, "
         "attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, claimed_at TEXT, UNIQUE (deficiency_id, kind))",
         "CREATE INDEX notifications_status ON notifications (status, id)",
         "CREATE INDEX notifications_case ON notifications (case_id, id)",
         "CREATE TABLE case_clock_pauses (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), "
         "started_at TEXT NOT NULL, ended_at TEXT, working_days INTEGER, reason TEXT NOT NULL)",
         "CREATE INDEX case_clock_pauses_case ON case_clock_pauses (case_id, id)",
     }},
    {3,
     "back office: every state change in the history, each matter of a case a part decided by its department",
     {
         "CREATE TABLE case_history (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), at TEXT NOT NULL, "
         "actor TEXT NOT NULL, action TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL)",
         "CREATE INDEX case_history_case ON case_history (case_id, id)",
         "CREATE TABLE case_parts (case_id TEXT NOT NULL REFERENCES cases(id), matter TEXT NOT NULL, "
         "department TEXT NOT NULL, status TEXT NOT NULL, decided_by TEXT, decided_at TEXT, reasons TEXT, "
         "conditions TEXT, PRIMARY KEY (case_id, matter))",
         "CREATE INDEX case_parts_department ON case_parts (department, status, case_id)",
     }},
    {4,
     "results back at the hall and hand-offs to the supervising department",
     {
         "CREATE TABLE case_results (case_id TEXT PRIMARY KEY REFERENCES cases(id), certificate_number TEXT NOT NULL, "
         "issued_on TEXT NOT NULL, attachment_id TEXT REFERENCES attachments(id), recorded_by TEXT NOT NULL, "
         "recorded_at TEXT NOT NULL)",
         "CREATE TABLE case_handoffs (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), from_department TEXT "
         "NOT NULL, to_department TEXT NOT NULL, note TEXT NOT NULL, handed_by TEXT NOT NULL, handed_at TEXT NOT NULL)",
         "CREATE INDEX case_handoffs_to ON case_handoffs (to_department, id)",
     }},
    {5,
     "simulated approval: its conditions, each met or not, and the date it lapses",
     {
         "CREATE TABLE case_conditions (case_id TEXT NOT NULL REFERENCES cases(id), n INTEGER NOT NULL, matter TEXT "
         "NOT NULL, text TEXT NOT NULL, met_at TEXT, met_by TEXT, note TEXT, attachment_id TEXT REFERENCES "
         "attachments(id), PRIMARY KEY (case_id, n))",
         "ALTER TABLE cases ADD COLUMN simulated_lapses_on TEXT",
         "CREATE INDEX cases_simulated_lapse ON cases (status, simulated_lapses_on)",
     }},
    {6,
     "the case lists by state: each page of a queue one index range, at any depth and table size",
     {
         // By priority (green channel first, then the promised date) and newest first, each
         // state apart; the departments with them, so that a department's queue is filtered in
         // the index before a row is read.
         "CREATE INDEX cases_status_priority ON cases (status, green_channel, promised_due_date, id, departments)",
         "CREATE INDEX cases_priority ON cases (green_channel, promised_due_date, id, departments)",
         "CREATE INDEX cases_status_order ON cases (status, accepted_at, id, departments)",
     }},
    {7,
     "refusals on record and the green channel's own deadline",
     {
         "ALTER TABLE cases ADD COLUMN refusal TEXT",
         "ALTER TABLE cases ADD COLUMN internal_due_date TEXT",
         "CREATE INDEX cases_applicant ON cases (applicant_id, status, accepted_at)",
     }},
    {8,
     "the departments' queues beside the cases: an approver's page one range in priority order",
     {
         "CREATE TABLE case_queue (department TEXT NOT NULL, green_channel INTEGER NOT NULL, promised_due_date "
         "TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES cases(id), PRIMARY KEY (department, green_channel, "
         "promised_due_date, case_id))",
         "CREATE INDEX case_queue_case ON case_queue (case_id)",
         // As CaseQueue::rebuild() writes them.
         "INSERT INTO case_queue (department, green_channel, promised_due_date, case_id) SELECT DISTINCT "
         "p.department, c.green_channel, c.promised_due_date, c.id FROM case_parts p JOIN cases c ON c.id = "
         "p.case_id WHERE p.status = 'pending' AND c.status IN ('accepted', 'accepted_with_deficiency', "
         "'under_review')",
     }},
    {9,
     "results handed out: who collected, how, signed by what",
     {
         "CREATE TABLE case_deliveries (case_id TEXT PRIMARY KEY REFERENCES cases(id), recipient_kind TEXT NOT NULL, "
         "recipient_name TEXT NOT NULL, recipient_id_number TEXT NOT NULL, authorization_id TEXT REFERENCES "
         "attachments(id), method TEXT NOT NULL, tracking_number TEXT, signature_id TEXT REFERENCES attachments(id), "
         "center TEXT NOT NULL, delivered_by TEXT NOT NULL, delivered_at TEXT NOT NULL)",
     }},
    {10,
     "messages about a case as a whole (its result is ready): a notification without a deficiency, once per kind",
     {
         // SQLite cannot drop a NOT NULL: the table is written again, its ids kept.
         "sqlite: CREATE TABLE notifications_new (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), "
         "deficiency_id TEXT REFERENCES deficiencies(id), kind TEXT NOT NULL, recipient TEXT NOT NULL, "
         "text TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT, status TEXT NOT NULL, "
         "attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, claimed_at TEXT, UNIQUE (deficiency_id, kind))",
         "sqlite: INSERT INTO notifications_new (id, case_id, deficiency_id, kind, recipient, text, created_at, "
         "sent_at, status, attempts, last_error, claimed_at) SELECT id, case_id, deficiency_id, kind, recipient, "
         "text, created_at, sent_at, status, attempts, last_error, claimed_at FROM notifications",
         "sqlite: DROP TABLE notifications",
         "sqlite: ALTER TABLE notifications_new RENAME TO notifications",
         "sqlite: CREATE INDEX notifications_status ON notifications (status, id)",
         "sqlite: CREATE INDEX notifications_case ON notifications (case_id, id)",
         "postgresql: ALTER TABLE notifications ALTER COLUMN deficiency_id DROP NOT NULL",
         "CREATE UNIQUE INDEX notifications_case_kind ON notifications (case_id, kind) WHERE deficiency_id IS NULL",
     }},
    {11,
     "the citizens' ratings (好差评), one per case and service event, and the customer screen's tokens",
     {
         "CREATE TABLE rating_tokens (token_hash TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), "
         "event TEXT NOT NULL, issued_by TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT)",
         "CREATE TABLE evaluations (case_id TEXT NOT NULL REFERENCES cases(id), event TEXT NOT NULL, level INTEGER "
         "NOT NULL, channel TEXT NOT NULL, comment TEXT NOT NULL, entered_by TEXT NOT NULL, at TEXT NOT NULL, "
         "PRIMARY KEY (case_id, event))",
     }},
    {12,
     "follow-ups of bad ratings (their call-back notes, resolution and second rating), a phone for staff "
     "messages, deliveries by day",
     {
         "CREATE TABLE follow_ups (id {{ID}}, case_id TEXT NOT NULL REFERENCES cases(id), event TEXT NOT NULL, "
         "level INTEGER NOT NULL, comment TEXT NOT NULL, hall TEXT NOT NULL REFERENCES centers(code), "
         "assigned_to TEXT REFERENCES users(username), opened_at TEXT NOT NULL, due_date TEXT NOT NULL, "
         "escalated_at TEXT, closed_at TEXT, closed_by TEXT, resolution TEXT, second_level INTEGER, "
         "UNIQUE (case_id, event))",
         "CREATE INDEX follow_ups_due ON follow_ups (closed_at, due_date)",
         "CREATE INDEX follow_ups_hall ON follow_ups (hall, id)",
         "CREATE TABLE follow_up_notes (id {{ID}}, follow_up_id BIGINT NOT NULL REFERENCES follow_ups(id), "
         "note TEXT NOT NULL, written_by TEXT NOT NULL, at TEXT NOT NULL)",
         "CREATE INDEX follow_up_notes_of ON follow_up_notes (follow_up_id, id)",
         "ALTER TABLE users ADD COLUMN phone TEXT",
         "CREATE INDEX case_deliveries_at ON case_deliveries (delivered_at)",
     }},
    {13,
     "case numbers reserved in blocks for a centre's offline intake, each taken by one case (claimed in the "
     "case's own transaction, before its row is written: no foreign key)",
     {
         "CREATE TABLE number_reservations (number TEXT PRIMARY KEY, center TEXT NOT NULL REFERENCES centers(code), "
         "reserved_by TEXT NOT NULL, reserved_at TEXT NOT NULL, case_id TEXT)",
         "CREATE INDEX number_reservations_center ON number_reservations (center, reserved_at)",
     }},
    {14,
     "batches of paper materials sent from a village centre to its hall (流转清单), each item received or missing",
     {
         "CREATE TABLE transfers (id {{ID}}, code TEXT NOT NULL UNIQUE, center TEXT NOT NULL REFERENCES "
         "centers(code), hall TEXT NOT NULL REFERENCES centers(code), note TEXT, created_by TEXT NOT NULL, "
         "created_at TEXT NOT NULL, arrived_at TEXT, received_by TEXT)",
         "CREATE INDEX transfers_center ON transfers (center, id)",
         "CREATE INDEX transfers_hall ON transfers (hall, id)",
         "CREATE TABLE transfer_items (id {{ID}}, transfer_id BIGINT NOT NULL REFERENCES transfers(id), "
         "case_id TEXT NOT NULL REFERENCES cases(id), kind TEXT NOT NULL, material TEXT, name TEXT NOT NULL, "
         "state TEXT NOT NULL, note TEXT)",
         "CREATE INDEX transfer_items_of ON transfer_items (transfer_id, id)",
         "CREATE INDEX transfer_items_case ON transfer_items (case_id, transfer_id)",
     }},
    {15,
     "real users: a password to change first (one-time or expired), when it was set, the last ones used; "
     "the audit trail searched by actor and by action",
     {
         // A password set before this has no date: it ages from its user's next sign-in.
         "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
         "ALTER TABLE users ADD COLUMN password_changed_at TEXT",
         "CREATE TABLE password_history (id {{ID}}, username TEXT NOT NULL REFERENCES users(username), "
         "password_hash TEXT NOT NULL, set_at TEXT NOT NULL)",
         "CREATE INDEX password_history_user ON password_history (username, id)",
         "CREATE INDEX sessions_user ON sessions (username)",
         // The auditor's search, by who and by what, newest first.
         "CREATE INDEX audit_actor ON audit_log (actor, seq)",
         "CREATE INDEX audit_action ON audit_log (action, seq)",
     }},
    {16,
     "matter versions drafted, then published from a date: one draft per matter at a time, each published "
     "version in effect from its first day to the day before the next one's",
     {
         // state: draft, published, or superseded (never in effect, or older than validity dates).
         "ALTER TABLE matter_versions ADD COLUMN state TEXT NOT NULL DEFAULT 'published'",
         // NULL valid_from: in effect since before versions had dates; NULL valid_to: no end yet.
         "ALTER TABLE matter_versions ADD COLUMN valid_from TEXT",
         "ALTER TABLE matter_versions ADD COLUMN valid_to TEXT",
         "ALTER TABLE matter_versions ADD COLUMN published_at TEXT",
         "ALTER TABLE matter_versions ADD COLUMN published_by TEXT",
         // Every version written before this was published as it was written; only the matter's
         // current one is still in effect.
         "UPDATE matter_versions SET published_at = created_at, published_by = created_by",
         "UPDATE matter_versions SET state = 'superseded' WHERE version < (SELECT m.current_version FROM matters m "
         "WHERE m.code = matter_versions.code)",
         // Those stamps were the database's CURRENT_TIMESTAMP (UTC); the API shows ISO 8601.
         "sqlite: UPDATE matter_versions SET created_at = REPLACE(created_at, ' ', 'T') || 'Z', published_at = "
         "REPLACE(published_at, ' ', 'T') || 'Z' WHERE created_at NOT LIKE '%T%'",
         "postgresql: UPDATE matter_versions SET created_at = TO_CHAR(created_at::timestamptz AT TIME ZONE 'UTC', "
         "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), published_at = TO_CHAR(published_at::timestamptz AT TIME ZONE "
         "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE created_at NOT LIKE '%T%'",
         "CREATE UNIQUE INDEX matter_versions_one_draft ON matter_versions (code) WHERE state = 'draft'",
     }},
    {17,
     "the audit trail keyed: each entry names the key that signed it (none before the key existed); on "
     "PostgreSQL its rows cannot be updated or deleted",
     {
         "ALTER TABLE audit_log ADD COLUMN key_id TEXT",
         // Whoever owns the table (or a superuser) can still disable the triggers: they stop the
         // application's role and mistakes, not the database's administrator.
         "postgresql: CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE "
         "EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP; END $$",
         "postgresql: CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
         "EXECUTE FUNCTION audit_log_append_only()",
         "postgresql: CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE "
         "FUNCTION audit_log_append_only()",
     }},
    {18,
     "sign-in throttling: failed sign-ins counted per account, per account and source address, and per "
     "source address, in one row each, instead of one row per failure",
     {
         // scope: "account NAME", "pair ADDRESS NAME" or "source ADDRESS"; username: the account's
         // name, NULL for a source's row; times in seconds since 1970.
         "CREATE TABLE sign_in_throttle (scope TEXT PRIMARY KEY, username TEXT, failures INTEGER NOT NULL, "
         "refused INTEGER NOT NULL, last_at BIGINT NOT NULL, next_at BIGINT NOT NULL)",
         "CREATE INDEX sign_in_throttle_user ON sign_in_throttle (username)",
         "CREATE INDEX sign_in_throttle_last ON sign_in_throttle (last_at)",
         "DROP TABLE login_failures",
         // Ended sessions are purged by the background jobs.
         "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)",
     }},
    {19,
     "the figures' counters: what each case counts for GET /stats/summary, kept per day of acceptance, "
     "centre, department and matter in the transactions that change the case; the cases already there are "
     "counted at the next start",
     {
         // See stats/casefigures.h: department and matter empty for the whole case's grain, matter
         // empty for a department's.
         "CREATE TABLE stats_counts (department TEXT NOT NULL, matter TEXT NOT NULL, day TEXT NOT NULL, "
         "center TEXT NOT NULL, "
         "cases BIGINT NOT NULL, refused BIGINT NOT NULL, with_deficiency BIGINT NOT NULL, "
         "returned BIGINT NOT NULL, approved BIGINT NOT NULL, rejected BIGINT NOT NULL, "
         "terminated BIGINT NOT NULL, delivered BIGINT NOT NULL, decided BIGINT NOT NULL, "
         "within_promised BIGINT NOT NULL, within_legal BIGINT NOT NULL, deficiencies BIGINT NOT NULL, "
         "supplied_in_time BIGINT NOT NULL, supplied_late BIGINT NOT NULL, waived BIGINT NOT NULL, "
         "deficiencies_terminated BIGINT NOT NULL, outstanding BIGINT NOT NULL, rated BIGINT NOT NULL, "
         "level_1 BIGINT NOT NULL, level_2 BIGINT NOT NULL, level_3 BIGINT NOT NULL, "
         "level_4 BIGINT NOT NULL, level_5 BIGINT NOT NULL, follow_ups BIGINT NOT NULL, "
         "open_follow_ups BIGINT NOT NULL, "
         "PRIMARY KEY (department, matter, day, center))",
         // Decided cases by the working days they took.
         "CREATE TABLE stats_handling (department TEXT NOT NULL, matter TEXT NOT NULL, day TEXT NOT NULL, "
         "center TEXT NOT NULL, days INTEGER NOT NULL, n BIGINT NOT NULL, "
         "PRIMARY KEY (department, matter, day, center, days))",
         // What each case was last counted as, so that a change counts only the difference.
         // Its columns are the counters' (a list of cases behind a figure asks for them).
         "CREATE TABLE case_figures (case_id TEXT PRIMARY KEY REFERENCES cases(id), counter_keys TEXT NOT NULL, "
         "handling_days INTEGER, "
         "cases INTEGER NOT NULL, refused INTEGER NOT NULL, with_deficiency INTEGER NOT NULL, "
         "returned INTEGER NOT NULL, approved INTEGER NOT NULL, rejected INTEGER NOT NULL, "
         "terminated INTEGER NOT NULL, delivered INTEGER NOT NULL, decided INTEGER NOT NULL, "
         "within_promised INTEGER NOT NULL, within_legal INTEGER NOT NULL, "
         "deficiencies INTEGER NOT NULL, supplied_in_time INTEGER NOT NULL, "
         "supplied_late INTEGER NOT NULL, waived INTEGER NOT NULL, "
         "deficiencies_terminated INTEGER NOT NULL, outstanding INTEGER NOT NULL, "
         "rated INTEGER NOT NULL, level_1 INTEGER NOT NULL, level_2 INTEGER NOT NULL, "
         "level_3 INTEGER NOT NULL, level_4 INTEGER NOT NULL, level_5 INTEGER NOT NULL, "
         "follow_ups INTEGER NOT NULL, open_follow_ups INTEGER NOT NULL)",
         "CREATE TABLE figures_backlog (case_id TEXT PRIMARY KEY)",
         "INSERT INTO figures_backlog (case_id) SELECT id FROM cases",
         "CREATE INDEX follow_ups_case ON follow_ups (case_id)",
     }},
    {20,
     "the figures' counters by month as well as by day (a range of whole months read a row per month); "
     "every case is counted again at the next start",
     {
         "INSERT INTO figures_backlog (case_id) SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM "
         "figures_backlog)",
     }},
};

const std::vector<Migration> &migrations()
{
    return kMigrations;
}

std::string portable(const std::string &sql, Database::Dialect dialect)
{
    std::string out = sql;
    const bool pg = dialect == Database::Dialect::PostgreSQL;
    const auto replace = [&](const std::string &token, const std::string &with) {
        for (auto at = out.find(token); at != std::string::npos; at = out.find(token, at + with.size()))
            out.replace(at, token.size(), with);
    };
    replace("{{ID}}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
    replace("{{REAL}}", pg ? "DOUBLE PRECISION" : "REAL");
    replace("{{BLOB}}", pg ? "BYTEA" : "BLOB");
    // A statement for one database only: "sqlite: …" or "postgresql: …"; empty for the other.
    for (const auto &[prefix, forPg] : {std::pair{std::string("sqlite: "), false},
                                        std::pair{std::string("postgresql: "), true}}) {
        if (out.starts_with(prefix))
            return forPg == pg ? out.substr(prefix.size()) : std::string();
    }
    return out;
}

} // namespace

void lockForTransaction(Transaction &tx, long key)
{
    if (tx.dialect() == Database::Dialect::PostgreSQL)
        tx.query("SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(?)) AS l", {std::int64_t{key}});
}

int migrate(Database &db)
{
    Transaction tx(db, Transaction::Mode::Write);
    lockForTransaction(tx, 7001);
    // Created only when missing: an application role that may not create tables (see
    // docs/deployment.md) starts on a schema its owner brought up to date.
    const std::string exists = db.dialect() == Database::Dialect::PostgreSQL
                                   ? "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = "
                                     "current_schema() AND table_name = 'schema_migrations'"
                                   : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = "
                                     "'schema_migrations'";
    if (tx.queryOne(exists)->integer("n") == 0)
        tx.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                   "applied_at TEXT NOT NULL)");
    int current = 0;
    if (auto row = tx.queryOne("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations"))
        current = static_cast<int>(row->integer("v"));
    int applied = 0;
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        for (const char *statement : m.statements) {
            if (const std::string sql = portable(statement, db.dialect()); !sql.empty())
                tx.execute(sql);
        }
        tx.execute("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, "
                   "CURRENT_TIMESTAMP)",
                   {std::int64_t{m.version}, std::string(m.description)});
        spdlog::info("schema migration {} applied: {}", m.version, m.description);
        ++applied;
    }
    tx.commit();
    return applied;
}

} // namespace onewindow::server
