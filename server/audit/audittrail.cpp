#include "audit/audittrail.h"

#include "auth/passwords.h"
#include "clock.h"
#include "db/database.h"
#include "db/migrations.h"
#include "json.h"

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
    lockForTransaction(tx, kAuditLock);
    std::string previous = kGenesis;
    if (auto row = tx.queryOne("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
        previous = row->text("hash");
    const std::string at = m_clock.now();
    const std::string hash = entryHash(previous, at, actor, action, caseId, detail);
    tx.execute("INSERT INTO audit_log (case_id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {caseId.empty() ? DbValue{} : DbValue{caseId}, at, actor, action, detail, previous, hash});
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

AuditTrail::Verification AuditTrail::verify(Database &db)
{
    Transaction tx(db, Transaction::Mode::Read);
    Verification result;
    std::string previous = kGenesis;
    for (const DbRow &row :
         tx.query("SELECT seq, case_id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY seq")) {
        ++result.entries;
        if (!result.valid)
            continue;
        const std::string expected = entryHash(previous, row.text("at"), row.text("actor"), row.text("action"),
                                               row.text("case_id"), row.text("detail"));
        if (row.text("prev_hash") != previous || row.text("hash") != expected) {
            result.valid = false;
            result.firstBrokenEntry = row.integer("seq");
        }
        previous = row.text("hash");
    }
    return result;
}

} // namespace onewindow::server
