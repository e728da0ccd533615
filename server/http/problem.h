#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace onewindow::server {

/// An error the API answers with, as application/problem+json (RFC 9457) with a stable `code`.
class ApiError : public std::runtime_error
{
public:
    struct FieldError
    {
        std::string field;
        std::string message;
        std::string code;
    };
    struct MissingMaterial
    {
        std::string code;
        std::string name;
        std::string reason;
    };

    ApiError(int status, std::string code, std::string title, std::string detail);

    static ApiError malformedJson(const std::string &detail);
    static ApiError unauthorized(const std::string &detail);
    static ApiError notFound();
    static ApiError methodNotAllowed(const std::string &allow);
    static ApiError validation(std::vector<FieldError> errors);
    static ApiError materialsIncomplete(std::vector<MissingMaterial> missing);
    /// The applicant broke an earlier deficiency commitment: no acceptance with deficiency until
    /// a supervisor clears the record. `missing` is the one-time notice all the same.
    static ApiError commitmentBroken(std::vector<MissingMaterial> missing);
    static ApiError preconditionRequired(const std::string &header);
    static ApiError preconditionFailed();
    static ApiError transitionRefused(const std::string &reason, const std::string &detail);
    /// 403: the user signed in with a one-time or expired password and must change it first.
    static ApiError passwordChangeRequired();

    int status() const { return m_status; }
    const std::string &code() const { return m_code; }
    const std::string &title() const { return m_title; }
    const std::string &detail() const { return m_detail; }
    const std::vector<FieldError> &errors() const { return m_errors; }
    const std::vector<MissingMaterial> &missing() const { return m_missing; }
    const std::string &allow() const { return m_allow; }
    /// Seconds the client should wait before trying again (the Retry-After header); 0 for none.
    long retryAfter() const { return m_retryAfter; }
    ApiError &withRetryAfter(long seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }

    Poco::JSON::Object::Ptr toJson(const std::string &requestId) const;

    /// Extra members of the problem object (e.g. `reason`).
    ApiError &with(const std::string &key, const std::string &value);

private:
    int m_status;
    std::string m_code;
    std::string m_title;
    std::string m_detail;
    std::string m_allow;
    long m_retryAfter = 0;
    std::vector<FieldError> m_errors;
    std::vector<MissingMaterial> m_missing;
    std::vector<std::pair<std::string, std::string>> m_extra;
};

/// Collects every field error of a request before answering, so a form shows them all at once.
class FieldErrors
{
public:
    void add(std::string field, std::string message, std::string code);
    bool empty() const { return m_errors.empty(); }
    const std::vector<ApiError::FieldError> &list() const { return m_errors; }
    /// Whether `field` has a problem already.
    bool has(const std::string &field) const;
    /// Throws ApiError::validation when anything was collected.
    void throwIfAny() const;

private:
    std::vector<ApiError::FieldError> m_errors;
};

} // namespace onewindow::server
