#include "audit/audittrail.h"

#include "audit/auditkey.h"
#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/sqltext.h"
#include "http/cursor.h"
#include "json.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

namespace onewindow::server {

namespace {

constexpr long kAuditLock = 7002;
const std::string kGenesis(64, '0');
// Rows read per statement by verify: its memory does not grow with the trail.
constexpr std::size_t kChainPage = 500;
constexpr std::size_t kCasePage = 200;
const char *const kEntryColumns = "seq, case_id, at, actor, action, detail, prev_hash, hash, key_id";

void appendField(std::string &data, const std::string &part)
{
    data += std::to_string(part.size());
    data += ':';
    data += part;
}

/// The number the next entry takes: it is part of what the entry's hash covers, so it is known
/// before the row is written. Called under the lock of the entry's chain.
std::int64_t nextSeq(Transaction &tx)
{
    if (tx.dialect() == Database::Dialect::PostgreSQL)
        return tx.queryOne("SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS n")->integer("n");
    // SQLite writers are serialized; AUTOINCREMENT never reuses a number, nor does this.
    return tx
        .queryOne("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), "
                  "COALESCE((SELECT MAX(seq) FROM audit_log), 0)) + 1 AS n")
        ->integer("n");
}

/// `case_created`'s detail: "<id> <number> <first entry's hash>".
struct CaseCreated
{
    std::string id, number, first;
    std::int64_t seq = 0;
};

std::optional<CaseCreated> parseCaseCreated(const std::string &detail, std::int64_t seq)
{
    std::istringstream in(detail);
    CaseCreated c;
    if (!(in >> c.id >> c.number >> c.first))
        return std::nullopt;
    c.seq = seq;
    return c;
}

} // namespace

std::string AuditTrail::entryHash(const std::string &previous, const std::string &at, const std::string &actor,
                                  const std::string &action, const std::string &caseId, const std::string &detail)
{
    std::string data;
    for (const std::string *part : {&previous, &at, &actor, &action, &caseId, &detail})
        appendField(data, *part);
    return sha256Hex(data);
}

std::string AuditTrail::keyedHash(std::int64_t seq, const std::string &previous, const std::string &at,
                                  const std::string &actor, const std::string &action, const std::string &caseId,
                                  const std::string &detail) const
{
    std::string data = "onewindow audit entry 2\n";
    appendField(data, std::to_string(seq));
    for (const std::string *part : {&previous, &at, &actor, &action, &caseId, &detail})
        appendField(data, *part);
    return m_key->mac(data);
}

std::string AuditTrail::hashOf(std::int64_t seq, const std::string &previous, const std::string &at,
                               const std::string &actor, const std::string &action, const std::string &caseId,
                               const std::string &detail) const
{
    return m_key ? keyedHash(seq, previous, at, actor, action, caseId, detail)
                 : entryHash(previous, at, actor, action, caseId, detail);
}

std::string AuditTrail::caseCreatedDetail(const std::string &caseId, const std::string &number,
                                          const std::string &firstHash)
{
    return caseId + " " + number + " " + firstHash;
}

std::string AuditTrail::keyId() const
{
    return m_key ? m_key->id() : std::string();
}

const std::string &AuditTrail::genesis()
{
    return kGenesis;
}

AuditTrail::Entry AuditTrail::appendAfter(Transaction &tx, const std::string &previous, const std::string &caseId,
                                          const std::string &actor, const std::string &action,
                                          const std::string &detail)
{
    Entry entry{nextSeq(tx), caseId, m_clock.now(), actor, action, detail, previous, {}};
    entry.hash = hashOf(entry.seq, previous, entry.at, actor, action, caseId, detail);
    tx.execute("INSERT INTO audit_log (seq, case_id, at, actor, action, detail, prev_hash, hash, key_id) VALUES (?, "
               "?, ?, ?, ?, ?, ?, ?, ?)",
               {entry.seq, caseId.empty() ? DbValue{} : DbValue{caseId}, entry.at, actor, action, detail, previous,
                entry.hash, m_key ? DbValue{m_key->id()} : DbValue{}});
    // Every change of a case has its entry here: the one place that tells the transaction which
    // cases it changed (for the figures' counters). Reads change nothing.
    if (!caseId.empty() && action != "case_read" && action != "attachment_read")
        tx.caseChanged(caseId);
    return entry;
}

void AuditTrail::append(Transaction &tx, const std::string &caseId, const std::string &actor,
                        const std::string &action, const std::string &detail)
{
    std::string previous = kGenesis;
    if (caseId.empty()) {
        lockForTransaction(tx, kAuditLock);
        if (auto row = tx.queryOne("SELECT hash FROM audit_log WHERE case_id IS NULL ORDER BY seq DESC LIMIT 1"))
            previous = row->text("hash");
    } else {
        // The case row is the lock of its chain (PostgreSQL); SQLite writers are serialized.
        const std::string sql = tx.dialect() == Database::Dialect::PostgreSQL
                                    ? "SELECT audit_head FROM cases WHERE id = ? FOR UPDATE"
                                    : "SELECT audit_head FROM cases WHERE id = ?";
        if (auto row = tx.queryOne(sql, {caseId}); row && !row->isNull("audit_head"))
            previous = row->text("audit_head");
    }
    const Entry entry = appendAfter(tx, previous, caseId, actor, action, detail);
    if (!caseId.empty())
        tx.execute("UPDATE cases SET audit_head = ? WHERE id = ?", {entry.hash, caseId});
}

void AuditTrail::recordCaseCreated(Transaction &tx, const std::string &actor, const std::string &caseId,
                                   const std::string &number, const std::string &firstHash)
{
    append(tx, {}, actor, "case_created", caseCreatedDetail(caseId, number, firstHash));
}

void AuditTrail::adoptKey(Database &db)
{
    if (!m_key)
        return;
    Transaction tx(db, Transaction::Mode::Write);
    lockForTransaction(tx, kAuditLock);
    // Once adopted, the last entry outside cases is always signed with the key.
    const auto head = tx.queryOne("SELECT key_id FROM audit_log WHERE case_id IS NULL ORDER BY seq DESC LIMIT 1");
    std::optional<std::string> other;
    if (head && !head->isNull("key_id"))
        other = head->text("key_id");
    else if (auto row = tx.queryOne("SELECT key_id FROM audit_log WHERE key_id IS NOT NULL ORDER BY seq DESC LIMIT 1"))
        other = row->text("key_id");
    if (other && *other == m_key->id())
        return;
    if (other)
        throw std::runtime_error("the audit trail is signed with the key " + *other + ", but the audit key file holds "
                                 "the key " + m_key->id() + ": restore the key file the trail was written with");
    const std::int64_t before = tx.queryOne("SELECT COUNT(*) AS n FROM audit_log")->integer("n");
    append(tx, {}, "system", "audit_key_adopted",
           "key " + m_key->id() + "; " + std::to_string(before) + " entries before this one were written without a key");
    // The cases of those days, as if each had been recorded when it was created.
    std::string after;
    std::int64_t cases = 0;
    for (;;) {
        const DbRows rows = tx.query("SELECT c.id, c.number, (SELECT a.hash FROM audit_log a WHERE a.case_id = c.id "
                                     "ORDER BY a.seq LIMIT 1) AS first FROM cases c WHERE c.id > ? ORDER BY c.id LIMIT "
                                         + std::to_string(kCasePage),
                                     {after});
        if (rows.empty())
            break;
        for (const DbRow &row : rows) {
            recordCaseCreated(tx, "system", row.text("id"), row.text("number"),
                              row.isNull("first") ? kGenesis : row.text("first"));
            ++cases;
        }
        after = rows.back().text("id");
    }
    tx.commit();
    spdlog::info("audit trail: key {} adopted; {} earlier entries were written without a key, {} cases recorded",
                 m_key->id(), before, cases);
}

AuditCheckpoint AuditTrail::takeCheckpoint(Transaction &tx) const
{
    AuditCheckpoint c;
    c.head = kGenesis;
    if (auto row = tx.queryOne("SELECT seq, hash FROM audit_log WHERE case_id IS NULL ORDER BY seq DESC LIMIT 1")) {
        c.seq = row->integer("seq");
        c.head = row->text("hash");
    }
    const auto chain = tx.queryOne("SELECT COUNT(*) AS n, SUM(CASE WHEN action = 'case_created' THEN 1 ELSE 0 END) "
                                   "AS cases FROM audit_log WHERE case_id IS NULL");
    c.chainEntries = chain->integer("n");
    c.cases = chain->integer("cases");
    const auto all = tx.queryOne("SELECT COALESCE(MAX(seq), 0) AS up_to, COUNT(*) AS n FROM audit_log");
    c.upTo = all->integer("up_to");
    c.entries = all->integer("n");
    return c;
}

void AuditTrail::checkpoint(Database &db)
{
    if (!m_checkpoints)
        return;
    Transaction tx(db, Transaction::Mode::Read);
    AuditCheckpoint c = takeCheckpoint(tx);
    tx.commit();
    std::lock_guard lock(m_checkpointMutex);
    // Nothing new since the last one: the file already says it.
    if (m_lastCheckpoint && m_lastCheckpoint->seq == c.seq && m_lastCheckpoint->upTo == c.upTo
        && m_lastCheckpoint->entries == c.entries)
        return;
    c.at = m_clock.now();
    m_checkpoints->append(c);
    m_lastCheckpoint = c;
    spdlog::debug("audit checkpoint: entry {} of the chain outside cases, {} entries in all", c.seq, c.entries);
}

Poco::JSON::Array::Ptr AuditTrail::forCase(Transaction &tx, const std::string &caseId)
{
    auto items = newArray();
    for (const DbRow &row :
         tx.query("SELECT at, actor, action, detail FROM audit_log WHERE case_id = ? AND action NOT IN ('case_read', "
                  "'attachment_read') ORDER BY seq",
                  {caseId})) {
        auto item = newObject();
        item->set("at", row.text("at"));
        item->set("actor", row.text("actor"));
        item->set("action", row.text("action"));
        item->set("detail", row.text("detail"));
        items->add(item);
    }
    return items;
}

Poco::JSON::Object::Ptr AuditTrail::search(Transaction &tx, const Search &search, int limit, const std::string &cursor)
{
    std::string sql = "SELECT a.seq AS id, a.at, a.actor, a.action, a.case_id, c.number, a.detail FROM audit_log a "
                      "LEFT JOIN cases c ON c.id = a.case_id WHERE 1 = 1";
    std::vector<DbValue> params;
    andIfGiven(sql, params, "a.actor", search.actor);
    andIfGiven(sql, params, "a.action", search.action);
    if (!search.caseRef.empty()) {
        // A case's own chain (by the index on case_id), whether it is named by id or by number.
        sql += " AND a.case_id = COALESCE((SELECT id FROM cases WHERE number = ?), ?)";
        params.insert(params.end(), {search.caseRef, search.caseRef});
    }
    // Stamps are ISO 8601 in the hall's time: a day's entries sort from the day to the next.
    if (search.from) {
        sql += " AND a.at >= ?";
        params.emplace_back(toIsoString(*search.from));
    }
    if (search.to) {
        sql += " AND a.at < ?";
        params.emplace_back(toIsoString(addCalendarDays(*search.to, 1)));
    }
    appendIdPage(sql, params, "a.seq", cursor, limit);
    return idPageAnswer(tx.query(sql, params), limit, [](const DbRow &row) {
        auto item = newObject();
        item->set("seq", row.integer("id"));
        item->set("at", row.text("at"));
        item->set("actor", row.text("actor"));
        item->set("action", row.text("action"));
        item->set("caseId", orNull(row.optText("case_id")));
        item->set("caseNumber", orNull(row.optText("number")));
        item->set("detail", row.text("detail"));
        return item;
    });
}

AuditTrail::Verification AuditTrail::verify(Database &db)
{
    Verification result;
    // Read before the snapshot begins: everything a checkpoint counted is in the snapshot.
    std::vector<AuditCheckpointFile::Line> lines;
    if (m_checkpoints)
        lines = m_checkpoints->read();
    std::vector<const AuditCheckpoint *> checkpoints; // those signed with the key, oldest first
    const AuditCheckpoint *altered = nullptr;          // the first that is not
    for (const auto &line : lines) {
        if (line.signatureValid)
            checkpoints.push_back(&line.checkpoint);
        else if (!altered)
            altered = &line.checkpoint;
    }
    // Each checkpoint is compared where the chain outside cases ended then, and by the entries
    // numbered up to the highest number it saw (counted as the chains are walked).
    std::multimap<std::int64_t, std::size_t> byHead;
    std::vector<std::int64_t> bounds;
    for (std::size_t i = 0; i < checkpoints.size(); ++i) {
        if (checkpoints[i]->seq > 0)
            byHead.emplace(checkpoints[i]->seq, i);
        bounds.push_back(checkpoints[i]->upTo);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    std::vector<std::int64_t> countedIn(bounds.size() + 1, 0);
    const auto count = [&](std::int64_t seq) {
        ++result.entries;
        ++countedIn[static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), seq) - bounds.begin())];
    };

    Transaction tx(db, Transaction::Mode::Read);
    std::optional<std::int64_t> broken;
    std::optional<CaseCreated> missing; // the first case recorded as created and no longer there
    std::optional<CaseCreated> cut;     // the first case whose chain does not run from start to head
    // Entries without a key are accepted only before the first entry signed with it.
    std::optional<std::int64_t> keyAdopted;
    const auto matches = [&](const DbRow &row, const std::string &previous) {
        const std::int64_t seq = row.integer("seq");
        const std::string chain = row.text("case_id");
        std::string expected;
        if (row.isNull("key_id")) {
            if (keyAdopted && seq > *keyAdopted)
                return false;
            expected = entryHash(previous, row.text("at"), row.text("actor"), row.text("action"), chain,
                                 row.text("detail"));
        } else if (m_key && row.text("key_id") == m_key->id()) {
            expected = keyedHash(seq, previous, row.text("at"), row.text("actor"), row.text("action"), chain,
                                 row.text("detail"));
        } else {
            return false;
        }
        return row.text("prev_hash") == previous && sameDigest(row.text("hash"), expected);
    };
    const auto entryBroken = [&](std::int64_t seq) {
        if (!broken || seq < *broken)
            broken = seq;
    };

    // The chain outside cases, with the creation of every case.
    std::string previous = kGenesis;
    std::int64_t last = 0, chainEntries = 0, casesCreated = 0;
    std::vector<bool> headFound(checkpoints.size(), false);
    std::optional<std::size_t> differs; // the first checkpoint the chain does not hold
    for (;;) {
        const DbRows rows = tx.query(std::string("SELECT ") + kEntryColumns
                                         + " FROM audit_log WHERE case_id IS NULL AND seq > ? ORDER BY seq LIMIT "
                                         + std::to_string(kChainPage),
                                     {last});
        if (rows.empty())
            break;
        std::vector<CaseCreated> created;
        for (const DbRow &row : rows) {
            const std::int64_t seq = row.integer("seq");
            count(seq);
            ++chainEntries;
            if (!keyAdopted && !row.isNull("key_id"))
                keyAdopted = seq;
            if (!matches(row, previous))
                entryBroken(seq);
            previous = row.text("hash");
            last = seq;
            if (row.text("action") == "case_created") {
                ++casesCreated;
                if (auto c = parseCaseCreated(row.text("detail"), seq))
                    created.push_back(*c);
                else
                    entryBroken(seq);
            }
            for (auto [it, end] = byHead.equal_range(seq); it != end; ++it) {
                const AuditCheckpoint &cp = *checkpoints[it->second];
                headFound[it->second] = true;
                if ((!sameDigest(previous, cp.head) || chainEntries != cp.chainEntries || casesCreated != cp.cases)
                    && (!differs || it->second < *differs))
                    differs = it->second;
            }
        }
        if (created.empty())
            continue;
        std::vector<DbValue> ids;
        for (const CaseCreated &c : created)
            ids.emplace_back(c.id);
        std::map<std::string, std::string> firsts; // case -> its first entry's hash ("" for none)
        for (const DbRow &row : tx.query("SELECT c.id, (SELECT a.hash FROM audit_log a WHERE a.case_id = c.id ORDER BY "
                                         "a.seq LIMIT 1) AS first FROM cases c WHERE c.id IN ("
                                             + placeholders(ids.size()) + ")",
                                         ids))
            firsts[row.text("id")] = row.text("first");
        for (const CaseCreated &c : created) {
            const auto it = firsts.find(c.id);
            if (it == firsts.end()) {
                if (!missing)
                    missing = c;
            } else if (it->second != c.first && !cut) {
                cut = c;
            }
        }
    }

    // Each case's chain, from the genesis to the head its row remembers.
    std::string after;
    for (;;) {
        const DbRows cases = tx.query(
            "SELECT id, number, audit_head FROM cases WHERE id > ? ORDER BY id LIMIT " + std::to_string(kCasePage),
            {after});
        if (cases.empty())
            break;
        std::vector<DbValue> ids;
        for (const DbRow &row : cases)
            ids.emplace_back(row.text("id"));
        std::map<std::string, std::string> heads; // case -> the last hash of its chain
        for (const DbRow &row : tx.query(std::string("SELECT ") + kEntryColumns + " FROM audit_log WHERE case_id IN ("
                                             + placeholders(ids.size()) + ") ORDER BY seq",
                                         ids)) {
            count(row.integer("seq"));
            const auto it = heads.try_emplace(row.text("case_id"), kGenesis).first;
            if (!matches(row, it->second))
                entryBroken(row.integer("seq"));
            it->second = row.text("hash");
        }
        for (const DbRow &row : cases) {
            const auto it = heads.find(row.text("id"));
            if (!cut && (it == heads.end() || row.isNull("audit_head") || it->second != row.text("audit_head")))
                cut = CaseCreated{row.text("id"), row.text("number"), {}, 0};
        }
        after = cases.back().text("id");
    }

    // Entries of a case whose row is gone.
    if (auto row = tx.queryOne("SELECT a.case_id, MIN(a.seq) AS seq FROM audit_log a WHERE a.case_id IS NOT NULL AND "
                               "NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id) GROUP BY a.case_id ORDER BY "
                               "MIN(a.seq) LIMIT 1");
        row && !missing)
        missing = CaseCreated{row->text("case_id"), {}, {}, row->integer("seq")};
    tx.commit();

    // The checkpoints: the first whose head is past the end of the chain, or not where it was;
    // the first that counted more entries than are left.
    std::optional<std::size_t> shortened, fewer;
    std::int64_t fewerLeft = 0;
    for (std::size_t i = 0, n = 0; i < checkpoints.size(); ++i) {
        const AuditCheckpoint &cp = *checkpoints[i];
        if (cp.seq > 0 && !headFound[i]) {
            if (cp.seq > last && !shortened)
                shortened = i;
            else if (cp.seq <= last && (!differs || i < *differs))
                differs = i;
        }
        std::int64_t left = 0;
        n = static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), cp.upTo) - bounds.begin());
        for (std::size_t b = 0; b <= n; ++b)
            left += countedIn[b];
        if (left < cp.entries && !fewer) {
            fewer = i;
            fewerLeft = left;
        }
    }

    if (!checkpoints.empty())
        result.checkpoint = *checkpoints.back();
    const auto fail = [&](const char *problem, std::string message) {
        result.valid = false;
        result.problem = problem;
        result.message = std::move(message);
    };
    const auto named = [](const CaseCreated &c) { return c.number.empty() ? c.id : c.number + " (" + c.id + ")"; };
    if (broken) {
        result.firstBrokenEntry = broken;
        fail("entry_changed", "Entry " + std::to_string(*broken)
                                  + " does not match its chain: it was changed, written again without the audit key, "
                                    "or an entry before it was removed.");
    } else if (missing) {
        result.caseId = missing->id;
        result.caseNumber = missing->number;
        fail("case_missing", "Case " + named(*missing) + " was created (entry " + std::to_string(missing->seq)
                                 + ") but is no longer in the database.");
    } else if (cut) {
        result.caseId = cut->id;
        result.caseNumber = cut->number;
        fail("case_chain_cut", "The audit entries of case " + named(*cut)
                                   + " do not run from its first entry to the last one recorded: entries were removed.");
    } else if (shortened) {
        const AuditCheckpoint &cp = *checkpoints[*shortened];
        result.checkpoint = cp;
        fail("chain_shortened", "The chain outside cases is shorter than the checkpoint of " + cp.at
                                    + " recorded: it ends at entry " + std::to_string(last) + ", the checkpoint at entry "
                                    + std::to_string(cp.seq) + ".");
    } else if (differs) {
        const AuditCheckpoint &cp = *checkpoints[*differs];
        result.checkpoint = cp;
        result.firstBrokenEntry = cp.seq;
        fail("checkpoint_mismatch", "The chain outside cases does not hold what the checkpoint of " + cp.at
                                        + " recorded up to entry " + std::to_string(cp.seq) + ".");
    } else if (fewer) {
        const AuditCheckpoint &cp = *checkpoints[*fewer];
        result.checkpoint = cp;
        fail("entries_missing", "The checkpoint of " + cp.at + " counted " + std::to_string(cp.entries)
                                    + " entries up to entry " + std::to_string(cp.upTo) + "; the database holds "
                                    + std::to_string(fewerLeft) + ": entries were removed.");
    } else if (altered) {
        fail("checkpoint_altered", "The checkpoint of " + altered->at
                                       + " in the checkpoint file is not signed with the audit key: the file was "
                                         "changed.");
    } else if (!checkpoints.empty()) {
        result.message = "Every chain is intact and holds what the " + std::to_string(checkpoints.size())
                         + " checkpoint(s) up to that of " + checkpoints.back()->at + " recorded.";
    } else {
        result.message = "Every chain is intact. There is no checkpoint yet to compare with.";
    }
    return result;
}

} // namespace onewindow::server
