#include "transfers/transferservice.h"

#include "audit/audittrail.h"
#include "auth/policy.h"
#include "clock.h"
#include "http/cursor.h"
#include "http/idempotency.h"
#include "http/problem.h"
#include "json.h"
#include "transfers/transferrequest.h"

#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace onewindow::server {

namespace {

using Cap = AuthorizationPolicy::Capability;

/// What the manifest's QR code carries before the batch's code.
const std::string kQrPrefix = "OW-TRANSFER:";
/// The item of a case with no material on paper: its acceptance papers, signed by the applicant.
const char *const kCaseFileName = "受理材料（申请人签字件）";

/// A positive whole number, as ids are; nullopt for anything else.
std::optional<std::int64_t> parseId(std::string_view text)
{
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0)
        return std::nullopt;
    return id;
}

/// `(?, ?, …)` for `values`, which are appended to `params`.
template <class T>
std::string inList(std::vector<DbValue> &params, const std::vector<T> &values)
{
    std::string sql = "(";
    for (const T &value : values) {
        sql += sql.size() == 1 ? "?" : ", ?";
        params.emplace_back(value);
    }
    return sql + ")";
}

/// The centre, the day and 10 random base32 characters (50 bits): a code that cannot be found
/// from another one.
std::string newCode(const std::string &center, const Date &today)
{
    static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned char random[10];
    if (RAND_bytes(random, sizeof random) != 1)
        throw std::runtime_error("no random bytes");
    std::string day = toIsoString(today);
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    std::string code = center + "-" + day + "-";
    for (const unsigned char byte : random)
        code += kAlphabet[byte % 32];
    return code;
}

/// The cases of `ids`, in the order of their ids; on PostgreSQL locked until the transaction
/// ends, so that the batches and audit entries of a case are written one after the other.
DbRows casesForUpdate(Transaction &tx, const std::vector<std::string> &ids)
{
    std::vector<DbValue> params;
    std::string sql = "SELECT id, number, center, status, materials FROM cases WHERE id IN " + inList(params, ids)
                      + " ORDER BY id";
    if (tx.dialect() == Database::Dialect::PostgreSQL)
        sql += " FOR UPDATE";
    return tx.query(sql, params);
}

/// The materials of a case given on paper, as {code, name}. A deficient material supplied on
/// paper is among them: supplying it marks it so in the case's materials.
std::vector<std::pair<std::string, std::string>> paperMaterials(const std::string &storedMaterials)
{
    std::vector<std::pair<std::string, std::string>> out;
    const auto materials = parseStoredArray(storedMaterials);
    for (std::size_t i = 0; i < materials->size(); ++i) {
        const auto m = materials->getObject(static_cast<unsigned>(i));
        if (optString(m, "provided") == "paper")
            out.emplace_back(m->getValue<std::string>("code"), m->getValue<std::string>("name"));
    }
    return out;
}

/// Throws 409 `already_in_transfer`, naming the first of `ids` that is in a batch not arrived yet.
void refuseTravelling(Transaction &tx, const std::vector<std::string> &ids,
                      const std::map<std::string, const DbRow *> &cases)
{
    std::vector<DbValue> params;
    const std::string in = inList(params, ids);
    const DbRows travelling = tx.query("SELECT i.case_id, t.id, t.code FROM transfer_items i JOIN transfers t ON "
                                       "t.id = i.transfer_id WHERE t.arrived_at IS NULL AND i.case_id IN " + in,
                                       params);
    for (const std::string &id : ids) {
        for (const DbRow &other : travelling) {
            if (other.text("case_id") != id)
                continue;
            const std::string number = cases.at(id)->text("number");
            throw ApiError(409, "already_in_transfer", "Already on its way",
                           "Case " + number + " is in batch " + other.text("code")
                               + ", which has not arrived at the hall yet.")
                .with("caseId", id)
                .with("caseNumber", number)
                .with("transferId", other.text("id"));
        }
    }
}

/// Writes the items of one case into the batch `transferId`: its materials on paper, or its
/// signed acceptance papers when it has none. Answers their names, for the audit trail.
std::string insertItems(Transaction &tx, std::int64_t transferId, const std::string &caseId,
                        const std::string &storedMaterials)
{
    const auto papers = paperMaterials(storedMaterials);
    if (papers.empty()) {
        tx.execute("INSERT INTO transfer_items (transfer_id, case_id, kind, material, name, state) VALUES (?, ?, "
                   "'case_file', NULL, ?, 'sent')",
                   {transferId, caseId, std::string(kCaseFileName)});
        return kCaseFileName;
    }
    std::string names;
    for (const auto &[material, name] : papers) {
        tx.execute("INSERT INTO transfer_items (transfer_id, case_id, kind, material, name, state) VALUES (?, ?, "
                   "'material', ?, ?, 'sent')",
                   {transferId, caseId, material, name});
        names += (names.empty() ? "" : "、") + name;
    }
    return names;
}

/// The items of the batches in `batches`, each with its case's number and applicant, in order.
DbRows itemsOf(Transaction &tx, const DbRows &batches)
{
    if (batches.empty())
        return {};
    std::vector<std::int64_t> ids;
    for (const DbRow &batch : batches)
        ids.push_back(batch.integer("id"));
    std::vector<DbValue> params;
    const std::string in = inList(params, ids);
    return tx.query("SELECT i.*, c.number, c.applicant_name FROM transfer_items i JOIN cases c ON c.id = i.case_id "
                    "WHERE i.transfer_id IN " + in + " ORDER BY i.id",
                    params);
}

/// The batch matching `where` (on `transfers t`) when it is in the user's scope for
/// `capability`; 404 otherwise.
DbRow requireTransfer(Transaction &tx, const Principal &user, const std::string &where, const DbValue &key,
                      Cap capability)
{
    AuthorizationPolicy::require(user, capability);
    const auto row = tx.queryOne("SELECT t.* FROM transfers t WHERE " + where, {key});
    if (!row || !AuthorizationPolicy::inScope(user, TransferScope{row->text("center"), row->text("hall")}, capability))
        throw ApiError::notFound();
    return *row;
}

std::int64_t transferId(const std::string &text)
{
    const auto id = parseId(text);
    if (!id)
        throw ApiError::notFound();
    return *id;
}

/// The id of an item as the client sends it back: a number, or the text the API gave out.
std::optional<std::int64_t> itemIdOf(const Poco::JSON::Object::Ptr &entry)
{
    if (const auto text = optString(entry, "item"))
        return parseId(*text);
    const auto number = optNumber(entry, "item");
    if (!number || *number != std::floor(*number) || std::fabs(*number) > 1e15)
        return std::nullopt;
    return parseId(std::to_string(static_cast<std::int64_t>(*number)));
}

/// The items listed as missing at the arrival, each with its note (empty when none).
std::map<std::int64_t, std::string> missingItems(const Poco::JSON::Object::Ptr &body, const DbRows &items,
                                                 FieldErrors &errors)
{
    std::map<std::int64_t, std::string> missing;
    if (!body->has("missing") || body->isNull("missing"))
        return missing;
    const auto list = optArray(body, "missing");
    if (!list) {
        errors.add("missing", "The items that did not arrive: [{\"item\", \"note\"}].", "invalid");
        return missing;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = "missing[" + std::to_string(i) + "]";
        const auto entry = list->getObject(static_cast<unsigned>(i));
        if (!entry) {
            errors.add(at, "An item and a note.", "invalid");
            continue;
        }
        const auto id = itemIdOf(entry);
        const std::string note = trimmed(optString(entry, "note").value_or(""));
        if (note.size() > 3000)
            errors.add(at + ".note", "At most 1000 characters.", "too_long");
        if (!id)
            errors.add(at + ".item", "The id of an item of this batch.", "invalid");
        else if (std::none_of(items.begin(), items.end(), [&](const DbRow &item) { return item.integer("id") == *id; }))
            errors.add(at + ".item", "Not an item of this batch.", "not_in_transfer");
        else if (missing.contains(*id))
            errors.add(at + ".item", "This item is listed already.", "duplicate");
        else
            missing[*id] = note;
    }
    return missing;
}

/// What arrived of one case's items, and what did not (with the notes): for the audit trail.
std::string arrivalOf(const std::string &caseId, const DbRows &items, const std::map<std::int64_t, std::string> &missing)
{
    std::string received;
    std::string lost;
    for (const DbRow &item : items) {
        if (item.text("case_id") != caseId)
            continue;
        const auto it = missing.find(item.integer("id"));
        std::string &names = it == missing.end() ? received : lost;
        names += (names.empty() ? "" : "、") + item.text("name");
        if (it != missing.end() && !it->second.empty())
            names += "（" + it->second + "）";
    }
    return "received " + (received.empty() ? std::string("nothing") : received)
           + (lost.empty() ? "" : "; missing " + lost);
}

/// The batch as the API shows it, with its items among `items` (rows of any batches).
Poco::JSON::Object::Ptr transferJson(const DbRow &row, const DbRows &items)
{
    auto o = newObject();
    o->set("id", row.text("id"));
    o->set("code", row.text("code"));
    o->set("center", row.text("center"));
    o->set("hall", row.text("hall"));
    o->set("state", row.isNull("arrived_at") ? "in_transit" : "arrived");
    o->set("note", orNull(row.optText("note")));
    o->set("createdBy", row.text("created_by"));
    o->set("createdAt", row.text("created_at"));
    o->set("arrivedAt", orNull(row.optText("arrived_at")));
    o->set("receivedBy", orNull(row.optText("received_by")));
    auto cases = newArray();
    auto list = newArray();
    std::set<std::string> listed;
    for (const DbRow &i : items) {
        if (i.integer("transfer_id") != row.integer("id"))
            continue;
        if (listed.insert(i.text("case_id")).second) {
            auto c = newObject();
            c->set("caseId", i.text("case_id"));
            c->set("caseNumber", i.text("number"));
            c->set("applicantName", i.text("applicant_name"));
            cases->add(c);
        }
        auto item = newObject();
        item->set("id", i.text("id"));
        item->set("caseId", i.text("case_id"));
        item->set("caseNumber", i.text("number"));
        item->set("kind", i.text("kind"));
        item->set("material", orNull(i.optText("material")));
        item->set("name", i.text("name"));
        item->set("state", i.text("state"));
        item->set("note", orNull(i.optText("note")));
        list->add(item);
    }
    o->set("cases", cases);
    o->set("items", list);
    o->set("qr", kQrPrefix + row.text("code"));
    return o;
}

} // namespace

TransferService::TransferService(Database &db, const Clock &clock, AuditTrail &audit)
    : m_db(db), m_clock(clock), m_audit(audit)
{
}

Response TransferService::create(const Principal &user, const std::string &idempotencyKey, const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::SendTransfer);
    FieldErrors errors;
    const TransferRequest request = TransferRequest::parse(parseObject(body), errors);

    Transaction tx(m_db, Transaction::Mode::Write);
    const auto center = tx.queryOne("SELECT COALESCE(parent, '') AS hall FROM centers WHERE code = ?", {user.center});
    if (!center || !AuthorizationPolicy::maySendFrom(user, center->text("hall")))
        throw ApiError::notFound();
    const std::string hall = center->text("hall");
    const IdempotencyStore idempotency(user.username, idempotencyKey, "transfer\n" + body);
    // Out of scope is 404 for any case, whatever else the request says.
    const DbRows rows = request.cases.empty() ? DbRows{} : casesForUpdate(tx, request.cases);
    std::map<std::string, const DbRow *> cases;
    for (const DbRow &row : rows)
        cases[row.text("id")] = &row;
    for (const std::string &id : request.cases) {
        if (!cases.contains(id) || cases.at(id)->text("center") != user.center)
            throw ApiError::notFound();
    }
    // After the cases' locks: a twin request waits for the first, then finds its answer.
    if (auto answered = idempotency.replay(tx))
        return *answered;
    for (std::size_t i = 0; i < request.cases.size(); ++i) {
        const std::string status = cases.at(request.cases[i])->text("status");
        if (status == "not_accepted" || status == "draft")
            errors.add("cases[" + std::to_string(i) + "]", "This case was not accepted: its papers stay with the "
                                                           "applicant.",
                       "not_accepted");
    }
    errors.throwIfAny();
    refuseTravelling(tx, request.cases, cases);

    const std::string now = m_clock.now();
    const std::string code = newCode(user.center, m_clock.today());
    const std::int64_t id =
        tx.query("INSERT INTO transfers (code, center, hall, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                 "RETURNING id",
                 {code, user.center, hall, request.note.empty() ? DbValue{} : DbValue{request.note}, user.username,
                  now})
            .front()
            .integer("id");
    for (const std::string &caseId : request.cases) {
        const std::string names = insertItems(tx, id, caseId, cases.at(caseId)->text("materials"));
        m_audit.append(tx, caseId, user.username, "transfer_sent", "batch " + code + " to " + hall + ": " + names);
    }
    const DbRow batch = *tx.queryOne("SELECT * FROM transfers WHERE id = ?", {id});
    Response response = Response::json(201, transferJson(batch, itemsOf(tx, {batch})));
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

Poco::JSON::Object::Ptr TransferService::list(const Principal &user, const std::string &state, int limit,
                                              const std::string &cursor)
{
    AuthorizationPolicy::require(user, Cap::ReadTransfers);
    const auto filter = AuthorizationPolicy::transferFilter(user, "t");
    std::string sql = "SELECT t.* FROM transfers t WHERE " + filter.sql;
    std::vector<DbValue> params = filter.params;
    if (state == "in_transit") {
        sql += " AND t.arrived_at IS NULL";
    } else if (state == "arrived") {
        sql += " AND t.arrived_at IS NOT NULL";
    } else if (!state.empty()) {
        FieldErrors errors;
        errors.add("state", "One of in_transit, arrived.", "invalid");
        errors.throwIfAny();
    }
    appendIdPage(sql, params, "t.id", cursor, limit);
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRows rows = tx.query(sql, params);
    const DbRows items = itemsOf(tx, rows);
    return idPageAnswer(rows, limit, [&](const DbRow &row) { return transferJson(row, items); });
}

Poco::JSON::Object::Ptr TransferService::get(const Principal &user, const std::string &id)
{
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRow row = requireTransfer(tx, user, "t.id = ?", transferId(id), Cap::ReadTransfers);
    return transferJson(row, itemsOf(tx, {row}));
}

Poco::JSON::Object::Ptr TransferService::byCode(const Principal &user, const std::string &code)
{
    std::string text = code.starts_with(kQrPrefix) ? code.substr(kQrPrefix.size()) : code;
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    Transaction tx(m_db, Transaction::Mode::Read);
    const DbRow row = requireTransfer(tx, user, "t.code = ?", text, Cap::ReadTransfers);
    return transferJson(row, itemsOf(tx, {row}));
}

Response TransferService::arrive(const Principal &user, const std::string &id, const std::string &idempotencyKey,
                                 const std::string &body)
{
    AuthorizationPolicy::require(user, Cap::ReceiveTransfer);
    const auto json = parseObject(body);
    Transaction tx(m_db, Transaction::Mode::Write);
    const DbRow batch = requireTransfer(tx, user, "t.id = ?", transferId(id), Cap::ReceiveTransfer);
    const IdempotencyStore idempotency(user.username, idempotencyKey, "arrival\n" + id + "\n" + body);
    const std::int64_t batchId = batch.integer("id");
    // A twin request waits here for the first, then finds its answer.
    if (tx.dialect() == Database::Dialect::PostgreSQL)
        tx.query("SELECT id FROM transfers WHERE id = ? FOR UPDATE", {batchId});
    if (auto answered = idempotency.replay(tx))
        return *answered;
    const DbRows items = itemsOf(tx, {batch});
    FieldErrors errors;
    const std::map<std::int64_t, std::string> missing = missingItems(json, items, errors);
    errors.throwIfAny();

    const std::string now = m_clock.now();
    // Only one arrival wins, whichever instance gets here first.
    if (tx.query("UPDATE transfers SET arrived_at = ?, received_by = ? WHERE id = ? AND arrived_at IS NULL "
                 "RETURNING id",
                 {now, user.username, batchId})
            .empty())
        throw ApiError(409, "transfer_arrived", "Arrived already", "This batch was checked in at the hall already.");
    std::vector<std::string> caseIds;
    for (const DbRow &item : items) {
        if (std::find(caseIds.begin(), caseIds.end(), item.text("case_id")) == caseIds.end())
            caseIds.push_back(item.text("case_id"));
    }
    // The cases' locks, in the order of their ids as a new batch takes them, before their audit entries.
    casesForUpdate(tx, caseIds);
    tx.execute("UPDATE transfer_items SET state = 'received' WHERE transfer_id = ?", {batchId});
    for (const auto &[itemId, note] : missing)
        tx.execute("UPDATE transfer_items SET state = 'missing', note = ? WHERE id = ?",
                   {note.empty() ? DbValue{} : DbValue{note}, itemId});
    for (const std::string &caseId : caseIds)
        m_audit.append(tx, caseId, user.username, "transfer_arrived",
                       "batch " + batch.text("code") + " at " + batch.text("hall") + ": "
                           + arrivalOf(caseId, items, missing));
    const DbRow current = *tx.queryOne("SELECT * FROM transfers WHERE id = ?", {batchId});
    Response response = Response::json(200, transferJson(current, itemsOf(tx, {current})));
    idempotency.record(tx, response, now);
    tx.commit();
    return response;
}

} // namespace onewindow::server
