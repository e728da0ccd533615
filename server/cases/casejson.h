#pragma once

#include "db/database.h"
#include "domain/idnumber.h"
#include "json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>
#include <vector>

namespace onewindow::server {

/// The stored form (a JSON object the server wrote) with every string that is a citizen ID number
/// masked: full ID numbers stay on the server; forms show them masked, like the applicant.
std::string formWithIdNumbersMasked(std::string_view json);

// The applicant and a deficiency, written through a JsonWriter or into a Poco object.
template <class Fields>
void applicantFields(Fields &out, const DbRow &row)
{
    const std::string kind = row.text("applicant_kind");
    out.field("kind", kind);
    out.field("name", row.text("applicant_name"));
    if (kind == "person") {
        out.field("idNumber", IdNumber::mask(row.text("applicant_id")));
    } else {
        out.field("creditCode", row.text("applicant_id"));
        out.field("legalRepresentative", row.text("applicant_legal_rep"));
    }
    out.field("phone", row.text("applicant_phone"));
}

template <class Fields>
void deficiencyFields(Fields &out, const DbRow &row)
{
    out.field("id", row.text("id"));
    out.field("material", row.text("material"));
    out.field("materialName", row.text("material_name"));
    out.field("dueDate", row.text("due_date"));
    out.field("status", row.text("status"));
    out.field("suppliedAt", row.optText("supplied_at"));
    out.field("provided", row.optText("provided"));
    out.field("suppliedBy", row.optText("supplied_by"));
    out.field("attachmentId", row.optText("attachment_id"));
    out.field("overdueAt", row.optText("overdue_at"));
    out.field("terminatesAfter", row.optText("terminates_after"));
    out.field("waivedAt", row.optText("waived_at"));
    out.field("waivedBy", row.optText("waived_by"));
    out.field("waiveReason", row.optText("waive_reason"));
}

// As a Poco object, for the lists that still build one.
template <class Describe>
Poco::JSON::Object::Ptr asObject(Describe describe, const DbRow &row)
{
    ObjectFields fields;
    describe(fields, row);
    return fields.object;
}

/// The codes of a case's matters, from the JSON stored with it.
Poco::JSON::Array::Ptr matterCodes(const std::string &storedMatters);
/// The names of a case's matters joined with 、, for a message or a list.
std::string matterNames(const std::string &storedMatters);
/// The codes of the matters as the server stored them with a case, read from the text.
std::vector<std::string_view> storedMatterCodes(std::string_view storedMatters);
/// A case as GET /cases lists it (CaseSummary), from a row of CaseListQuery::sql().
void caseListItemJson(JsonWriter &w, const DbRow &row);

/// The case's JSON from its row, clock pauses (ordered by id), notifications (by id) and
/// deficiencies (by due date, material). Written directly, without a tree of Poco objects: a
/// case is read far more often than anything else.
std::string caseJson(const DbRow &row, const DbRows &pauses, const DbRows &notifications, const DbRows &deficiencies);

} // namespace onewindow::server
