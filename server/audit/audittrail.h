#pragma once

#include "domain/date.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>

namespace onewindow::server {

class Clock;
class Database;
class Transaction;

/// The append-only audit trail: every change, by whom, when. Each entry carries the SHA-256 of
/// the previous entry's hash and its own content, so editing or deleting a row breaks the chain.
/// There is one chain per case, whose last hash is also kept on the case row (so removing its
/// last entries is detected too), and one chain for events outside cases (sign-ins, catalog and
/// calendar changes). Separate chains let intakes at different counters commit in parallel.
class AuditTrail
{
public:
    explicit AuditTrail(const Clock &clock) : m_clock(clock) {}

    /// Appends inside the caller's transaction, so the entry exists exactly when the change does.
    void append(Transaction &tx, const std::string &caseId, const std::string &actor, const std::string &action,
                const std::string &detail);

    /// One entry, its hash computed from the previous one's.
    struct Entry
    {
        std::string caseId, at, actor, action, detail, previous, hash;
    };
    /// The hash a chain starts from.
    static const std::string &genesis();
    /// The entry after `previous` (the genesis for a new case), stamped now; nothing is read or
    /// written. A new case's first entries are made so, written with `write`, and the last hash
    /// is stored as the case's `audit_head` in its INSERT: no head to read, no row to update.
    Entry next(const std::string &previous, const std::string &caseId, const std::string &actor,
               const std::string &action, const std::string &detail) const;
    /// Inserts `entry` as it is (the caller keeps the case row's `audit_head` in step).
    static void write(Transaction &tx, const Entry &entry);

    /// `[{at, actor, action, detail}]`, oldest first.
    Poco::JSON::Array::Ptr forCase(Transaction &tx, const std::string &caseId);

    /// What the auditor searches the whole trail by; an empty member is not a condition.
    struct Search
    {
        std::string actor;
        std::string caseRef; ///< a case's id or its number
        std::string action;
        std::optional<Date> from; ///< first day included
        std::optional<Date> to;   ///< last day included
    };
    /// One page of the entries that match, newest first: `{items: [{seq, at, actor, action,
    /// caseId, caseNumber, detail}], nextCursor}`; the cursor is the last entry's seq.
    Poco::JSON::Object::Ptr search(Transaction &tx, const Search &search, int limit, const std::string &cursor);

    /// Checks every chain; the first broken entry (lowest seq) is reported.
    struct Verification
    {
        bool valid = true;
        std::int64_t entries = 0;
        std::optional<std::int64_t> firstBrokenEntry;
    };
    Verification verify(Database &db);

    static std::string entryHash(const std::string &previous, const std::string &at, const std::string &actor,
                                 const std::string &action, const std::string &caseId, const std::string &detail);

private:
    const Clock &m_clock;
};

} // namespace onewindow::server
