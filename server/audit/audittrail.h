#pragma once

#include "audit/auditcheckpoints.h"
#include "domain/date.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace onewindow::server {

class AuditKey;
class Clock;
class Database;
class Transaction;

/// The append-only audit trail: every change, by whom, when. Each entry carries the hash of the
/// previous entry of its chain and its own, an HMAC-SHA256 (with a key kept outside the
/// database) of its number and content, so that editing, reordering or removing a row breaks the
/// chain, and a chain cannot be written again without the key. There is one chain per case, whose
/// last hash is also kept on the case row (so removing its last entries is detected too), and one
/// chain for events outside cases (sign-ins, catalog and calendar changes), which also records
/// each case's creation (so a case removed whole is detected). Checkpoints of that chain, signed
/// and appended to a file outside the database, show when its last entries were removed.
/// Separate chains let intakes at different counters run in parallel; only the record of the
/// creation, at the end of an intake, takes the lock of the chain outside cases.
/// Entries written before the key existed (no key id) were hashed with plain SHA-256: they are
/// accepted only before the entry that adopted the key.
class AuditTrail
{
public:
    /// Without a key (benchmarks filling a database), entries are hashed without one.
    explicit AuditTrail(const Clock &clock, const AuditKey *key = nullptr,
                        const AuditCheckpointFile *checkpoints = nullptr)
        : m_clock(clock), m_key(key), m_checkpoints(checkpoints)
    {
    }

    /// Appends inside the caller's transaction, so the entry exists exactly when the change does;
    /// an entry of a case that is not a read marks the case changed (Transaction::caseChanged).
    /// Reads of personal data are appended too, in the reading transaction (so nothing is shown
    /// that is not recorded): `case_read` and `attachment_read` in the case's chain,
    /// `licenses_read` and `applicant_record_read` (the ID number masked) outside cases.
    void append(Transaction &tx, const std::string &caseId, const std::string &actor, const std::string &action,
                const std::string &detail);

    /// One entry, its hash computed from the previous one's.
    struct Entry
    {
        std::int64_t seq = 0;
        std::string caseId, at, actor, action, detail, previous, hash;
    };
    /// The hash a chain starts from.
    static const std::string &genesis();
    /// Appends the entry after `previous` (the genesis for a new case) without reading the
    /// chain's head: a new case's first entries are made so, and the last hash is stored as the
    /// case's `audit_head` in its INSERT: no head to read, no row to update.
    Entry appendAfter(Transaction &tx, const std::string &previous, const std::string &caseId,
                      const std::string &actor, const std::string &action, const std::string &detail);
    /// The hash appendAfter gives the entry numbered `seq`: signed with the key, or without one
    /// when the trail has none. Lets a bulk load (the benchmarks' fill) write the rows itself.
    std::string hashOf(std::int64_t seq, const std::string &previous, const std::string &at, const std::string &actor,
                       const std::string &action, const std::string &caseId, const std::string &detail) const;
    /// `case_created`'s detail for the case `caseId` numbered `number`, whose chain starts with
    /// `firstHash`.
    static std::string caseCreatedDetail(const std::string &caseId, const std::string &number,
                                         const std::string &firstHash);
    /// The key's id, recorded with every entry it signs; empty without a key.
    std::string keyId() const;
    /// Records a new case in the chain outside cases (`case_created`: its id, number and first
    /// entry's hash), in the intake's transaction, so that removing the case whole is detected.
    void recordCaseCreated(Transaction &tx, const std::string &actor, const std::string &caseId,
                           const std::string &number, const std::string &firstHash);

    /// At start-up: the first time this key meets this database, an entry signed with it marks
    /// where entries without a key end, and every case there is recorded as created. Throws when
    /// the trail was signed with another key (a key file lost or swapped).
    void adoptKey(Database &db);

    /// Appends a checkpoint of the trail as it is now to the checkpoint file (none without one,
    /// nor when nothing was written since this process's last one).
    void checkpoint(Database &db);

    /// `[{at, actor, action, detail}]`, oldest first: the case's history, its reads left out
    /// (the auditor's search has them).
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

    /// Checks every chain, in one snapshot, a page of rows at a time, and against every
    /// checkpoint in the file; the first problem found is reported, in this order: an entry
    /// changed (the lowest), a case removed, a case's chain cut, the chain outside cases shorter
    /// than (or different from) a checkpoint, entries a checkpoint counted missing, a checkpoint
    /// not signed with the key.
    struct Verification
    {
        bool valid = true;
        std::int64_t entries = 0;
        std::optional<std::int64_t> firstBrokenEntry;
        /// "" when valid; entry_changed, case_missing, case_chain_cut, chain_shortened,
        /// checkpoint_mismatch, entries_missing, checkpoint_altered.
        std::string problem;
        std::string caseId, caseNumber;
        std::optional<AuditCheckpoint> checkpoint; ///< the one the problem is about, else the latest
        std::string message;                       ///< the finding in a sentence (English)
    };
    Verification verify(Database &db);

    /// The hash of an entry written without a key (plain SHA-256 of its content, not its number).
    static std::string entryHash(const std::string &previous, const std::string &at, const std::string &actor,
                                 const std::string &action, const std::string &caseId, const std::string &detail);

private:
    std::string keyedHash(std::int64_t seq, const std::string &previous, const std::string &at,
                          const std::string &actor, const std::string &action, const std::string &caseId,
                          const std::string &detail) const;
    AuditCheckpoint takeCheckpoint(Transaction &tx) const;

    const Clock &m_clock;
    const AuditKey *m_key;
    const AuditCheckpointFile *m_checkpoints;
    std::mutex m_checkpointMutex;
    std::optional<AuditCheckpoint> m_lastCheckpoint; ///< the last written by this process
};

} // namespace onewindow::server
