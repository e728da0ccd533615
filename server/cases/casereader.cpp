#include "cases/casereader.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "cases/casejson.h"
#include "cases/casescope.h"
#include "catalog/catalog.h"
#include "http/cursor.h"
#include "http/preconditions.h"
#include "http/problem.h"
#include "json.h"

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

} // namespace

std::string CaseReader::json(Transaction &tx, const std::string &id)
{
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    return json(tx, *row);
}

std::string CaseReader::json(Transaction &tx, const DbRow &row)
{
    const std::string id = row.text("id");
    const DbRows pauses = tx.query("SELECT started_at, ended_at, working_days, reason FROM case_clock_pauses WHERE "
                                   "case_id = ? ORDER BY id",
                                   {id});
    const DbRows notifications = tx.query("SELECT deficiency_id, kind, status, created_at, sent_at FROM notifications "
                                          "WHERE case_id = ? ORDER BY id",
                                          {id});
    const DbRows deficiencies = tx.query("SELECT * FROM deficiencies WHERE case_id = ? ORDER BY due_date, material", {id});
    return caseJson(row, pauses, notifications, deficiencies);
}

Response CaseReader::get(const Principal &user, const std::string &id)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    // A write: the read is recorded in the case's chain before the case is shown.
    Transaction tx(m_db, Transaction::Mode::Write);
    // One read for the scope and the content; the centres (for the scope) change rarely.
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    const std::string parent =
        m_catalog.centerParent(tx, row->text("center"), Catalog::Freshness::Recent).value_or("");
    const CaseScope scope{row->text("center"), parent, storedDepartments(row->text("departments"))};
    if (!AuthorizationPolicy::inScope(user, scope, Cap::ReadCases))
        throw ApiError::notFound();
    Response r = Response::jsonText(200, json(tx, *row));
    r.headers["ETag"] = etagOf(row->integer("version"));
    m_audit.append(tx, id, user.username, "case_read", "");
    tx.commit();
    return r;
}

Response CaseReader::current(Transaction &tx, const std::string &id, int status)
{
    const auto row = tx.queryOne("SELECT * FROM cases WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound();
    Response r = Response::jsonText(status, json(tx, *row));
    r.headers["ETag"] = etagOf(row->integer("version"));
    return r;
}

std::string CaseReader::list(const Principal &user, const CaseListQuery &query, const Date &today)
{
    AuthorizationPolicy::require(user, Cap::ReadCases);
    const CaseListQuery::Sql sql = query.sql(user, today);
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql.text, sql.params);
    // Written directly, as a case is: a queue's page is read far more often than anything else.
    JsonWriter w;
    w.beginObject();
    w.key("items").beginArray();
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < query.limit; ++i)
        caseListItemJson(w, rows[i]);
    w.endArray();
    if (static_cast<int>(rows.size()) > query.limit)
        w.field("nextCursor", query.cursorAfter(rows[static_cast<std::size_t>(query.limit) - 1]));
    else
        w.key("nextCursor").null();
    w.endObject();
    return w.take();
}

Poco::JSON::Object::Ptr CaseReader::audit(const Principal &user, const std::string &caseId)
{
    AuthorizationPolicy::require(user, Cap::ReadCaseAudit);
    Transaction tx(m_db, Transaction::Mode::Read);
    requireCaseInScope(tx, user, caseId, static_cast<int>(Cap::ReadCaseAudit));
    auto result = newObject();
    result->set("items", m_audit.forCase(tx, caseId));
    return result;
}

} // namespace onewindow::server
