#include "cases/casejson.h"

#include <algorithm>
#include <string_view>

namespace onewindow::server {

// Works on the text, without parsing it into objects: a case is read far more often than written.
std::string formWithIdNumbersMasked(std::string_view json)
{
    std::string out;
    out.reserve(json.size());
    std::size_t i = 0;
    while (i < json.size()) {
        if (json[i] != '"') {
            out += json[i++];
            continue;
        }
        std::size_t end = i + 1;
        bool escapes = false;
        while (end < json.size() && json[end] != '"') {
            if (json[end] == '\\') {
                escapes = true;
                ++end;
            }
            ++end;
        }
        end = std::min(end, json.size() - 1);
        const std::string_view text = json.substr(i + 1, end - i - 1);
        if (!escapes && IdNumber::check(text) == IdNumber::Problem::None)
            out.append("\"").append(IdNumber::mask(text)).append("\"");
        else
            out.append(json.substr(i, end + 1 - i));
        i = end + 1;
    }
    return out;
}

namespace {

void clockPausesJson(JsonWriter &w, const DbRows &pauseRows)
{
    w.key("clockPauses").beginArray();
    for (const DbRow &p : pauseRows) {
        w.beginObject();
        w.field("start", p.text("started_at"));
        w.field("end", p.optText("ended_at"));
        w.key("workingDays");
        if (p.isNull("working_days"))
            w.null();
        else
            w.number(p.integer("working_days"));
        w.field("reason", p.text("reason"));
        w.endObject();
    }
    w.endArray();
}

// Each deficiency with its reminders; returns whether any is overdue.
bool deficienciesJson(JsonWriter &w, const DbRows &deficiencyRows, const DbRows &notificationRows)
{
    w.key("deficiencies").beginArray();
    bool overdue = false;
    for (const DbRow &d : deficiencyRows) {
        w.beginObject();
        deficiencyFields(w, d);
        const std::string deficiencyId = d.text("id");
        w.key("reminders").beginArray();
        for (const DbRow &n : notificationRows) {
            if (n.text("deficiency_id") != deficiencyId)
                continue;
            w.beginObject();
            w.field("kind", n.text("kind"));
            w.field("status", n.text("status"));
            w.field("createdAt", n.text("created_at"));
            w.field("sentAt", n.optText("sent_at"));
            w.endObject();
        }
        w.endArray();
        w.endObject();
        overdue = overdue || d.text("status") == "overdue";
    }
    w.endArray();
    return overdue;
}

} // namespace

std::vector<std::string_view> storedMatterCodes(std::string_view storedMatters)
{
    // The server wrote it: [{"code":"HF-001","name":...},...]. A value holding the same
    // characters would have its quotes escaped, so the key cannot be mistaken.
    static constexpr std::string_view kKey = "\"code\":\"";
    std::vector<std::string_view> codes;
    for (auto at = storedMatters.find(kKey); at != std::string_view::npos; at = storedMatters.find(kKey, at)) {
        at += kKey.size();
        const auto end = storedMatters.find('"', at);
        if (end == std::string_view::npos)
            break;
        codes.push_back(storedMatters.substr(at, end - at));
        at = end;
    }
    return codes;
}

Poco::JSON::Array::Ptr matterCodes(const std::string &storedMatters)
{
    auto codes = newArray();
    for (const std::string_view code : storedMatterCodes(storedMatters))
        codes->add(std::string(code));
    return codes;
}

std::string matterNames(const std::string &storedMatters)
{
    std::string names;
    const auto stored = parseStoredArray(storedMatters);
    for (std::size_t i = 0; i < stored->size(); ++i)
        names += (i ? "、" : "") + stored->getObject(static_cast<unsigned>(i))->getValue<std::string>("name");
    return names;
}

void caseListItemJson(JsonWriter &w, const DbRow &row)
{
    w.beginObject();
    w.field("id", row.text("id"));
    w.field("number", row.text("number"));
    w.field("status", row.text("status"));
    w.key("matters").beginArray();
    const std::string matters = row.text("matters"); // the codes are views into it
    for (const std::string_view code : storedMatterCodes(matters))
        w.string(code);
    w.endArray();
    w.key("applicant").beginObject();
    applicantFields(w, row);
    w.endObject();
    w.field("center", row.text("center"));
    w.field("acceptedAt", row.text("accepted_at"));
    w.field("promisedDueDate", row.text("promised_due_date"));
    w.key("outstandingDeficiencies").number(row.integer("outstanding"));
    w.field("greenChannel", row.boolean("green_channel"));
    if (auto internal = row.optText("internal_due_date"))
        w.field("internalDueDate", *internal);
    w.endObject();
}

std::string caseJson(const DbRow &row, const DbRows &pauseRows, const DbRows &notificationRows,
                     const DbRows &deficiencyRows)
{
    JsonWriter w;
    w.beginObject();
    w.field("id", row.text("id"));
    w.field("number", row.text("number"));
    w.field("status", row.text("status"));
    // The matters and materials are JSON the server wrote: they go out as stored.
    w.key("matters").raw(row.text("matters"));
    w.field("bundle", row.optText("bundle"));
    w.key("applicant").beginObject();
    applicantFields(w, row);
    w.endObject();
    w.field("center", row.text("center"));
    w.field("clerk", row.text("clerk"));
    w.field("channel", row.text("channel"));
    w.field("greenChannel", row.boolean("green_channel"));
    w.key("form").raw(formWithIdNumbersMasked(row.text("form")));
    w.field("acceptedAt", row.text("accepted_at"));
    w.field("promisedDueDate", row.text("promised_due_date"));
    w.field("legalDueDate", row.text("legal_due_date"));
    // A green-channel case's own, shorter deadline inside the hall.
    w.field("internalDueDate", row.optText("internal_due_date"));
    // Every move of the promised due date, explained.
    clockPausesJson(w, pauseRows);
    w.field("terminatedAt", row.optText("terminated_at"));
    w.key("materials").raw(row.text("materials"));
    const bool overdue = deficienciesJson(w, deficiencyRows, notificationRows);
    w.field("overdue", overdue);
    // A refused intake's notice: its kind, the reason from the matter's list, every item.
    w.key("refusal");
    if (row.isNull("refusal"))
        w.null();
    else
        w.raw(row.text("refusal"));
    w.field("version", row.integer("version"));
    w.field("updatedAt", row.text("updated_at"));
    w.endObject();
    return w.take();
}

} // namespace onewindow::server
