#include "http/pipeline.h"

#include "auth/sessions.h"
#include "db/database.h"
#include "http/deadlines.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"
#include "logging/logging.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <chrono>
#include <random>

namespace onewindow::server {

namespace {

std::string newRequestId()
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    static const char *hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i)
        id += hex[random() % 16];
    return id;
}

bool acceptableRequestId(const std::string &id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    }
    return true;
}

// A refused request's body is read up to this much, so that a client still sending sees the answer.
constexpr std::size_t kSkipBytes = 64 * 1024;

Response problem(const ApiError &error, const std::string &requestId)
{
    Response r = Response::json(error.status(), error.toJson(requestId));
    r.contentType = "application/problem+json";
    if (!error.allow().empty())
        r.headers["Allow"] = error.allow();
    if (error.retryAfter() > 0)
        r.headers["Retry-After"] = std::to_string(error.retryAfter());
    return r;
}

class PipelineHandler : public Poco::Net::HTTPRequestHandler
{
public:
    PipelineHandler(const Pipeline &pipeline, std::size_t maxBodyBytes, std::size_t maxUploadBytes,
                    PipelineHandlerFactory::UploadSlots &uploads)
        : m_pipeline(pipeline), m_maxBodyBytes(maxBodyBytes), m_maxUploadBytes(maxUploadBytes), m_uploads(uploads)
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest &in, Poco::Net::HTTPServerResponse &out) override
    {
        Request request;
        request.method = in.getMethod();
        request.remoteAddress = in.clientAddress().host().toString();
        for (const auto &[name, value] : in) {
            std::string lower = name;
            for (char &c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers[lower] = value;
        }
        try {
            const Poco::URI uri(in.getURI());
            request.path = uri.getPath();
            for (const auto &[key, value] : uri.getQueryParameters())
                request.query[key] = value;
        } catch (const Poco::Exception &) {
            request.path = "/";
            send(problem(ApiError(400, "bad_request", "Bad request", "The request URI is malformed."), {}), out, true);
            ConnectionDeadlines::answered();
            return;
        }

        // Routing and authentication come first, from the headers: an unknown path, a missing or
        // expired session or a role without the right never has its body read.
        const Pipeline::Admission admission = m_pipeline.admit(request);
        if (admission.refusal) {
            skip(in.stream(), kSkipBytes);
            send(*admission.refusal, out, true);
            ConnectionDeadlines::answered();
            return;
        }

        // File uploads have a limit of their own. A Content-Length over the limit is refused at
        // once; a body without one that grows over it is refused when it does. Either way at most
        // twice the limit is read and dropped after the answer, so that a client still sending a
        // body somewhat too large sees the 413 (a connection closed on unread data is reset, and
        // the answer lost); the body's deadline bounds the time this takes.
        const bool upload = request.method == "POST" && request.path.size() > 12
                            && request.path.compare(request.path.size() - 12, 12, "/attachments") == 0;
        const std::size_t limit = upload && m_maxUploadBytes > 0 ? m_maxUploadBytes : m_maxBodyBytes;
        // A user's uploads at once are bounded; one more is refused before its body is read.
        const std::string uploader = upload && request.principal ? request.principal->username : std::string();
        if (!uploader.empty() && !m_uploads.take(uploader)) {
            skip(in.stream(), kSkipBytes);
            Response busy = problem(ApiError(429, "too_many_uploads", "Too many uploads at once",
                                             "You are sending " + std::to_string(m_uploads.perUser())
                                                 + " files already; this one can follow when one of them has arrived."),
                                    request.requestId);
            busy.headers["Retry-After"] = "5";
            busy.headers["X-Request-Id"] = request.requestId;
            spdlog::warn("{} {} {} 429 uploads at once over {} for {}", request.requestId,
                         logging::escaped(request.method), logging::escaped(request.path), m_uploads.perUser(),
                         logging::escaped(uploader));
            send(busy, out, true);
            ConnectionDeadlines::answered();
            return;
        }
        struct UploadSlot
        {
            PipelineHandlerFactory::UploadSlots &slots;
            const std::string &user;
            ~UploadSlot()
            {
                if (!user.empty())
                    slots.give(user);
            }
        } slot{m_uploads, uploader};
        const std::int64_t declared = in.hasContentLength() ? in.getContentLength64() : -1;
        ConnectionDeadlines::readingBody(std::min(declared, 2 * static_cast<std::int64_t>(limit)));
        std::istream &body = in.stream();
        bool tooLarge = declared > static_cast<std::int64_t>(limit);
        std::size_t consumed = 0;
        if (!tooLarge) {
            char buffer[8192];
            while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
                const auto got = static_cast<std::size_t>(body.gcount());
                if (request.body.size() + got > limit) {
                    tooLarge = true;
                    consumed = request.body.size() + got;
                    request.body.clear();
                    break;
                }
                request.body.append(buffer, got);
            }
        }
        if (tooLarge) {
            Response refused = problem(ApiError(413, "payload_too_large", "Request too large",
                                                "The request body is larger than " + std::to_string(limit)
                                                    + " bytes."),
                                       request.requestId);
            refused.headers["X-Request-Id"] = request.requestId;
            spdlog::warn("{} {} {} 413 body over {} bytes", request.requestId, logging::escaped(request.method),
                         logging::escaped(request.path), limit);
            send(refused, out, true);
            skip(body, 2 * limit - std::min(consumed, 2 * limit));
            ConnectionDeadlines::answered();
            return;
        }
        // A connection cut before the body is whole (Content-Length not reached, or the body's
        // deadline passed) leaves half a request: it is never dispatched, so that nothing is
        // stored from it and the client's retry with the same Idempotency-Key is taken as the
        // first time.
        if (declared >= 0 && static_cast<std::int64_t>(request.body.size()) < declared) {
            spdlog::warn("{} {} {} body cut short: {} of {} bytes; not handled", request.requestId,
                         logging::escaped(request.method), logging::escaped(request.path), request.body.size(), declared);
            Response cut = problem(ApiError(400, "body_incomplete", "Incomplete request",
                                            "The request body ended before its Content-Length; send it again."),
                                   request.requestId);
            send(cut, out, true);
            ConnectionDeadlines::answered();
            return;
        }
        ConnectionDeadlines::handling();
        const Response response = m_pipeline.handle(request, admission);
        send(response, out, false);
        ConnectionDeadlines::answered();
    }

private:
    // Reads and drops up to `bound` bytes of a body that will not be handled.
    static void skip(std::istream &body, std::size_t bound)
    {
        char buffer[8192];
        std::size_t skipped = 0;
        while (skipped < bound && (body.read(buffer, sizeof buffer) || body.gcount() > 0))
            skipped += static_cast<std::size_t>(body.gcount());
    }

    static void send(const Response &response, Poco::Net::HTTPServerResponse &out, bool close)
    {
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        for (const auto &[name, value] : response.headers)
            out.set(name, value);
        if (close)
            out.setKeepAlive(false);
        if (response.status == 204 || response.body.empty()) {
            out.setContentLength(0);
            out.send().flush();
            return;
        }
        // Text gets its charset; file contents (attachments) go out with their own media type.
        const bool text = response.contentType.find("json") != std::string::npos
                          || response.contentType.rfind("text/", 0) == 0;
        out.setContentType(text ? response.contentType + "; charset=utf-8" : response.contentType);
        // Written and flushed now: a refusal goes out before the rest of its body is skipped.
        out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
        std::ostream &stream = out.send();
        stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
        stream.flush();
    }

    const Pipeline &m_pipeline;
    std::size_t m_maxBodyBytes;
    std::size_t m_maxUploadBytes;
    PipelineHandlerFactory::UploadSlots &m_uploads;
};

} // namespace

Pipeline::Admission Pipeline::admit(Request &request) const
{
    const std::string given = request.header("x-request-id");
    request.requestId = acceptableRequestId(given) ? given : newRequestId();
    Admission admission;
    admission.started = std::chrono::steady_clock::now();
    Response refusal = guarded(request, [&]() -> Response {
        const Router::Match match = m_router.match(request.method, request.path);
        if (!match.handler) {
            if (!match.allow.empty())
                throw ApiError::methodNotAllowed(match.allow);
            throw ApiError::notFound();
        }
        request.pathParams = match.params;
        if (match.access != Router::Access::Public) {
            request.principal = m_sessions.authenticate(request.header("authorization"));
            if (request.principal->mustChangePassword && match.access != Router::Access::PasswordChange)
                throw ApiError::passwordChangeRequired();
        }
        admission.handler = match.handler;
        return {};
    });
    if (!admission.handler) {
        finish(request, refusal, admission);
        admission.refusal = std::move(refusal);
    }
    return admission;
}

Response Pipeline::handle(Request &request, const Admission &admission) const
{
    Response response = guarded(request, [&] { return (*admission.handler)(request); });
    finish(request, response, admission);
    return response;
}

// Exceptions become problem+json, logged once.
template <typename Work>
Response Pipeline::guarded(Request &request, Work work) const
{
    try {
        return work();
    } catch (const ApiError &error) {
        if (error.status() >= 500)
            spdlog::error("{} {}", request.requestId, logging::escaped(error.what(), 1000));
        return problem(error, request.requestId);
    } catch (const DatabaseBusy &e) {
        spdlog::warn("{} {} {} refused: {}", request.requestId, logging::escaped(request.method),
                     logging::escaped(request.path), e.what());
        Response response = problem(ApiError(503, "overloaded", "Server busy",
                                             "The server is too busy right now; nothing was changed. Try again in a moment."),
                                    request.requestId);
        response.headers["Retry-After"] = "2";
        return response;
    } catch (const DatabaseUnavailable &e) {
        spdlog::error("{} {} {} database unavailable: {}", request.requestId, logging::escaped(request.method),
                      logging::escaped(request.path), logging::escaped(e.what(), 1000));
        Response response = problem(ApiError(503, "database_unavailable", "Database unavailable",
                                             "The server cannot reach or write its database just now; nothing was "
                                             "changed. Try again in a moment."),
                                    request.requestId);
        response.headers["Retry-After"] = "5";
        return response;
    } catch (const std::exception &e) {
        spdlog::error("{} {} {} failed: {}", request.requestId, logging::escaped(request.method),
                      logging::escaped(request.path), logging::escaped(e.what(), 1000));
        return problem(ApiError(500, "internal_error", "Internal error",
                                "Something went wrong on the server; nothing was changed. Quote request "
                                    + request.requestId + " when you report it."),
                       request.requestId);
    }
}

// The request id on the answer, and the access log line.
void Pipeline::finish(const Request &request, Response &response, const Admission &admission) const
{
    response.headers["X-Request-Id"] = request.requestId;
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - admission.started).count();
    // The request id is one the server made or one of at most 64 letters, digits and -_. (see
    // acceptableRequestId); what else the client chose is escaped.
    spdlog::info("{} {} {} {} {:.1f}ms {}", request.requestId, logging::escaped(request.method),
                 logging::escaped(request.path), response.status, ms,
                 request.principal ? logging::escaped(request.principal->username) : "-");
}

Poco::Net::HTTPRequestHandler *PipelineHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest &)
{
    return new PipelineHandler(m_pipeline, m_maxBodyBytes, m_maxUploadBytes, m_uploads);
}

} // namespace onewindow::server

namespace onewindow::server {

bool PipelineHandlerFactory::UploadSlots::take(const std::string &user)
{
    const std::lock_guard lock(m_mutex);
    int &inUse = m_inUse[user];
    if (m_perUser > 0 && inUse >= m_perUser)
        return false;
    ++inUse;
    return true;
}

void PipelineHandlerFactory::UploadSlots::give(const std::string &user)
{
    const std::lock_guard lock(m_mutex);
    if (const auto it = m_inUse.find(user); it != m_inUse.end() && --it->second <= 0)
        m_inUse.erase(it);
}

} // namespace onewindow::server
