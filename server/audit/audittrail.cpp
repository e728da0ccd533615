#include "audit/audittrail.h"

#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/cursor.h"
#include "json.h"

#include <map>

namespace onewindow::server {

namespace {
constexpr long kAuditLock = 7002;
const std::string kGenesis(64, '0');
} // namespace

std::string AuditTrail::entryHash(const std::string &previous, const std::string &at, const std::string &actor,
                                  const std::string &action, const std::string &caseId, const std::string &detail)
{
    std::string data;
    for (const std::string *part : {&previous, &at, &actor, &action, &caseId, &detail}) {
        data += std::to_string(part->size());
        data += ':';
        data += *part;
    }
    return sha256Hex(data);
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
    const Entry entry = next(previous, caseId, actor, action, detail);
    write(tx, entry);
    if (!caseId.empty())
        tx.execute("UPDATE cases SET audit_head = ? WHERE id = ?", {entry.hash, caseId});
}

const std::string &AuditTrail::genesis()
{
    return kGenesis;
}

AuditTrail::Entry AuditTrail::next(const std::string &previous, const std::string &caseId, const std::string &actor,
                                   const std::string &action, const std::string &detail) const
{
    Entry entry{caseId, m_clock.now(), actor, action, detail, previous, {}};
    entry.hash = entryHash(previous, entry.at, actor, action, caseId, detail);
    return entry;
}

void AuditTrail::write(Transaction &tx, const Entry &entry)
{
    tx.execute("INSERT INTO audit_log (case_id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {entry.caseId.empty() ? DbValue{} : DbValue{entry.caseId}, entry.at, entry.actor, entry.action,
                entry.detail, entry.previous, entry.hash});
}

Poco::JSON::Array::Ptr AuditTrail::forCase(Transaction &tx, const std::string &caseId)
{
    auto items = newArray();
    for (const DbRow &row :
         tx.query("SELECT at, actor, action, detail FROM audit_log WHERE case_id = ? ORDER BY seq", {caseId})) {
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
    Transaction tx(db, Transaction::Mode::Read);
    Verification result;
    std::map<std::string, std::string> heads; // chain -> last hash seen
    const auto broken = [&](std::int64_t seq) {
        if (!result.firstBrokenEntry || seq < *result.firstBrokenEntry)
            result.firstBrokenEntry = seq;
        result.valid = false;
    };
    for (const DbRow &row :
         tx.query("SELECT seq, case_id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY seq")) {
        ++result.entries;
        const std::string chain = row.text("case_id");
        const auto it = heads.find(chain);
        const std::string previous = it == heads.end() ? kGenesis : it->second;
        const std::string expected = entryHash(previous, row.text("at"), row.text("actor"), row.text("action"), chain,
                                               row.text("detail"));
        if (row.text("prev_hash") != previous || row.text("hash") != expected)
            broken(row.integer("seq"));
        heads[chain] = row.text("hash");
    }
    // Each case's last entry must be the one the case row remembers.
    for (const DbRow &row : tx.query("SELECT id, audit_head FROM cases")) {
        const auto it = heads.find(row.text("id"));
        const std::string last = it == heads.end() ? std::string() : it->second;
        if (last != row.text("audit_head")) {
            result.valid = false;
            if (!result.firstBrokenEntry)
                result.firstBrokenEntry = 0;
        }
    }
    return result;
}

} // namespace onewindow::server
