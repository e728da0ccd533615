#include "http/pipeline.h"

#include "auth/sessions.h"
#include "db/database.h"
#include "http/problem.h"
#include "http/router.h"
#include "json.h"
#include "logging/logging.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>

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
    PipelineHandler(const Pipeline &pipeline, std::size_t maxBodyBytes, std::size_t maxUploadBytes)
        : m_pipeline(pipeline), m_maxBodyBytes(maxBodyBytes), m_maxUploadBytes(maxUploadBytes)
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
        Response response;
        try {
            const Poco::URI uri(in.getURI());
            request.path = uri.getPath();
            for (const auto &[key, value] : uri.getQueryParameters())
                request.query[key] = value;
        } catch (const Poco::Exception &) {
            request.path = "/";
            response = problem(ApiError(400, "bad_request", "Bad request", "The request URI is malformed."), {});
            send(response, out, true);
            return;
        }

        // Bodies over the limit are read and dropped (up to a point), so that the client, still
        // sending, sees the 413 instead of a reset connection. File uploads have a limit of their own.
        const bool upload = request.method == "POST" && request.path.size() > 12
                            && request.path.compare(request.path.size() - 12, 12, "/attachments") == 0;
        const std::size_t limit = upload && m_maxUploadBytes > 0 ? m_maxUploadBytes : m_maxBodyBytes;
        bool tooLarge = false;
        std::istream &body = in.stream();
        char buffer[8192];
        std::size_t drained = 0;
        while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
            const auto got = static_cast<std::size_t>(body.gcount());
            if (!tooLarge && request.body.size() + got <= limit) {
                request.body.append(buffer, got);
                continue;
            }
            tooLarge = true;
            request.body.clear();
            drained += got;
            if (drained > 64 * limit)
                break;
        }
        if (tooLarge) {
            request.requestId = newRequestId();
            response = problem(ApiError(413, "payload_too_large", "Request too large",
                                        "The request body is larger than " + std::to_string(limit)
                                            + " bytes."),
                               request.requestId);
            response.headers["X-Request-Id"] = request.requestId;
            spdlog::warn("{} {} {} 413 body over {} bytes", request.requestId, logging::escaped(request.method),
                         logging::escaped(request.path), limit);
            send(response, out, true);
            return;
        }
        // A connection cut before the body is whole (Content-Length not reached) leaves half a
        // request: it is never dispatched, so that nothing is stored from it and the client's
        // retry with the same Idempotency-Key is taken as the first time.
        if (in.hasContentLength() && static_cast<std::int64_t>(request.body.size()) < in.getContentLength64()) {
            request.requestId = newRequestId();
            spdlog::warn("{} {} {} body cut short: {} of {} bytes; not handled", request.requestId,
                         logging::escaped(request.method), logging::escaped(request.path), request.body.size(),
                         in.getContentLength64());
            response = problem(ApiError(400, "body_incomplete", "Incomplete request",
                                        "The request body ended before its Content-Length; send it again."),
                               request.requestId);
            send(response, out, true);
            return;
        }
        response = m_pipeline.handle(request);
        send(response, out, false);
    }

private:
    static void send(const Response &response, Poco::Net::HTTPServerResponse &out, bool close)
    {
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        for (const auto &[name, value] : response.headers)
            out.set(name, value);
        if (close)
            out.setKeepAlive(false);
        if (response.status == 204 || response.body.empty()) {
            out.setContentLength(0);
            out.send();
            return;
        }
        // Text gets its charset; file contents (attachments) go out with their own media type.
        const bool text = response.contentType.find("json") != std::string::npos
                          || response.contentType.rfind("text/", 0) == 0;
        out.setContentType(text ? response.contentType + "; charset=utf-8" : response.contentType);
        out.sendBuffer(response.body.data(), response.body.size());
    }

    const Pipeline &m_pipeline;
    std::size_t m_maxBodyBytes;
    std::size_t m_maxUploadBytes;
};

} // namespace

Response Pipeline::handle(Request &request) const
{
    // Request id.
    const std::string given = request.header("x-request-id");
    request.requestId = acceptableRequestId(given) ? given : newRequestId();
    // Access log around error mapping.
    const auto started = std::chrono::steady_clock::now();
    Response response;
    try {
        response = route(request);
    } catch (const ApiError &error) {
        response = problem(error, request.requestId);
        if (error.status() >= 500)
            spdlog::error("{} {}", request.requestId, logging::escaped(error.what(), 1000));
    } catch (const DatabaseBusy &e) {
        spdlog::warn("{} {} {} refused: {}", request.requestId, logging::escaped(request.method),
                     logging::escaped(request.path), e.what());
        response = problem(ApiError(503, "overloaded", "Server busy",
                                    "The server is too busy right now; nothing was changed. Try again in a moment."),
                           request.requestId);
        response.headers["Retry-After"] = "2";
    } catch (const std::exception &e) {
        spdlog::error("{} {} {} failed: {}", request.requestId, logging::escaped(request.method),
                      logging::escaped(request.path), logging::escaped(e.what(), 1000));
        response = problem(ApiError(500, "internal_error", "Internal error",
                                    "Something went wrong on the server; nothing was changed. Quote request "
                                        + request.requestId + " when you report it."),
                           request.requestId);
    }
    response.headers["X-Request-Id"] = request.requestId;
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // The request id is one the server made or one of at most 64 letters, digits and -_. (see
    // acceptableRequestId); what else the client chose is escaped.
    spdlog::info("{} {} {} {} {:.1f}ms {}", request.requestId, logging::escaped(request.method),
                 logging::escaped(request.path), response.status, ms,
                 request.principal ? logging::escaped(request.principal->username) : "-");
    return response;
}

Response Pipeline::route(Request &request) const
{
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
    return (*match.handler)(request);
}

Poco::Net::HTTPRequestHandler *PipelineHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest &)
{
    return new PipelineHandler(m_pipeline, m_maxBodyBytes, m_maxUploadBytes);
}

} // namespace onewindow::server
