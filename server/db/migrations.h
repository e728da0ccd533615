#pragma once

namespace onewindow::server {

class Database;

/// Brings the schema up to date. Safe when several instances start at once on PostgreSQL
/// (an advisory lock serializes them). Returns the number of migrations applied.
int migrate(Database &db);

/// Takes the transaction-scoped lock named `key` on PostgreSQL (no-op on SQLite, whose writers
/// are serialized anyway). Used by migrations, the audit chain and background jobs.
class Transaction;
void lockForTransaction(Transaction &tx, long key);

} // namespace onewindow::server
