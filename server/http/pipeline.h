#pragma once

#include "http/deadlines.h"
#include "http/message.h"
#include "http/router.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace onewindow::server {

class Router;
class SessionService;

/// What every request passes through, outermost first: request id, access log, error mapping
/// (exceptions become problem+json, logged once), routing, authentication, the handler.
/// Routing and authentication need only the request line and headers, so they run before the
/// body is read (admit): a request refused there never has its body buffered.
class Pipeline
{
public:
    Pipeline(const Router &router, SessionService &sessions) : m_router(router), m_sessions(sessions) {}

    struct Admission
    {
        const Handler *handler = nullptr;
        std::optional<Response> refusal; ///< the answer when the request goes no further
        std::chrono::steady_clock::time_point started;
    };
    /// Request id, routing and authentication, from the request line and headers alone.
    Admission admit(Request &request) const;
    /// The handler, for an admitted request whose body has been read.
    Response handle(Request &request, const Admission &admission) const;

private:
    template <typename Work>
    Response guarded(Request &request, Work work) const;
    void finish(const Request &request, Response &response, const Admission &admission) const;
    const Router &m_router;
    SessionService &m_sessions;
};

/// Poco's side: turns sockets into Requests and Responses; bodies over `maxBodyBytes` are 413,
/// except file uploads (POST .../attachments), which may have up to `maxUploadBytes`. A declared
/// Content-Length over the limit is refused before the body is read; a refused request's body is
/// skipped up to a small bound, then the connection is closed.
class PipelineHandlerFactory : public StoppableHandlerFactory
{
public:
    /// `uploadsPerUser`: file uploads one user may send at once (0: no limit); one more is
    /// refused from its headers with 429 before its body is read.
    PipelineHandlerFactory(const Pipeline &pipeline, std::size_t maxBodyBytes, std::size_t maxUploadBytes = 0,
                           int uploadsPerUser = 0)
        : m_pipeline(pipeline), m_maxBodyBytes(maxBodyBytes), m_maxUploadBytes(maxUploadBytes),
          m_uploads(uploadsPerUser)
    {
    }
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;

    /// The uploads each user is sending now.
    class UploadSlots
    {
    public:
        explicit UploadSlots(int perUser) : m_perUser(perUser) {}
        /// False when `user` sends as many as allowed already.
        bool take(const std::string &user);
        void give(const std::string &user);
        int perUser() const { return m_perUser; }

    private:
        int m_perUser;
        std::mutex m_mutex;
        std::map<std::string, int> m_inUse;
    };

private:
    const Pipeline &m_pipeline;
    std::size_t m_maxBodyBytes;
    std::size_t m_maxUploadBytes;
    UploadSlots m_uploads;
};

} // namespace onewindow::server
