#include "http/problem.h"

#include "json.h"

#include <algorithm>

namespace onewindow::server {

ApiError::ApiError(int status, std::string code, std::string title, std::string detail)
    : std::runtime_error(code + ": " + detail)
    , m_status(status)
    , m_code(std::move(code))
    , m_title(std::move(title))
    , m_detail(std::move(detail))
{
}

ApiError ApiError::malformedJson(const std::string &detail)
{
    return ApiError(400, "malformed_json", "Malformed JSON", detail);
}

ApiError ApiError::unauthorized(const std::string &detail)
{
    return ApiError(401, "unauthorized", "Not signed in", detail);
}

ApiError ApiError::notFound()
{
    return ApiError(404, "not_found", "Not found", "There is nothing here.");
}

ApiError ApiError::methodNotAllowed(const std::string &allow)
{
    ApiError e(405, "method_not_allowed", "Method not allowed", "This resource accepts: " + allow + ".");
    e.m_allow = allow;
    return e;
}

ApiError ApiError::validation(std::vector<FieldError> errors)
{
    ApiError e(422, "validation_failed", "Invalid input",
               std::to_string(errors.size()) + " field(s) need attention.");
    e.m_errors = std::move(errors);
    return e;
}

ApiError ApiError::materialsIncomplete(std::vector<MissingMaterial> missing)
{
    ApiError e(422, "materials_incomplete", "Materials incomplete",
               std::to_string(missing.size()) + " material(s) missing or not acceptable; this list is the one-time "
                                                "notice.");
    e.m_missing = std::move(missing);
    return e;
}

ApiError ApiError::commitmentBroken(std::vector<MissingMaterial> missing)
{
    ApiError e(422, "commitment_broken", "Earlier commitment broken",
               "The applicant did not supply a deficient material of an earlier case in time, so that case was "
               "terminated; until a supervisor clears the record, accept only with every material present.");
    e.m_missing = std::move(missing);
    return e;
}

ApiError ApiError::preconditionRequired(const std::string &header)
{
    return ApiError(428, "precondition_required", "Precondition required", "This request needs the " + header
                                                                               + " header.");
}

ApiError ApiError::preconditionFailed()
{
    return ApiError(412, "precondition_failed", "Changed meanwhile",
                    "The resource changed since you read it; reload it and try again.");
}

ApiError ApiError::transitionRefused(const std::string &reason, const std::string &detail)
{
    ApiError e(409, "transition_refused", "Not allowed now", detail);
    e.with("reason", reason);
    return e;
}

ApiError ApiError::passwordChangeRequired()
{
    return ApiError(403, "password_change_required", "Password change required",
                    "Change your password first (POST /api/v1/me/password): it is a one-time or expired password.");
}

ApiError &ApiError::with(const std::string &key, const std::string &value)
{
    m_extra.emplace_back(key, value);
    return *this;
}

Poco::JSON::Object::Ptr ApiError::toJson(const std::string &requestId) const
{
    auto o = newObject();
    o->set("type", "urn:onewindow:problem:" + m_code);
    o->set("title", m_title);
    o->set("status", m_status);
    o->set("detail", m_detail);
    o->set("code", m_code);
    if (!requestId.empty())
        o->set("instance", "urn:onewindow:request:" + requestId);
    for (const auto &[key, value] : m_extra)
        o->set(key, value);
    if (!m_errors.empty()) {
        auto errors = newArray();
        for (const auto &error : m_errors) {
            auto item = newObject();
            item->set("field", error.field);
            item->set("message", error.message);
            item->set("code", error.code);
            errors->add(item);
        }
        o->set("errors", errors);
    }
    if (!m_missing.empty()) {
        auto missing = newArray();
        for (const auto &m : m_missing) {
            auto item = newObject();
            item->set("code", m.code);
            item->set("name", m.name);
            item->set("reason", m.reason);
            missing->add(item);
        }
        o->set("missing", missing);
    }
    return o;
}

bool FieldErrors::has(const std::string &field) const
{
    return std::any_of(m_errors.begin(), m_errors.end(),
                       [&field](const ApiError::FieldError &e) { return e.field.rfind(field, 0) == 0; });
}

void FieldErrors::add(std::string field, std::string message, std::string code)
{
    m_errors.push_back({std::move(field), std::move(message), std::move(code)});
}

void FieldErrors::throwIfAny() const
{
    if (!m_errors.empty())
        throw ApiError::validation(m_errors);
}

} // namespace onewindow::server
