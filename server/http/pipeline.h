#pragma once

#include "http/message.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <cstddef>

namespace onewindow::server {

class Router;
class SessionService;

/// What every request passes through, outermost first: request id, access log, error mapping
/// (exceptions become problem+json, logged once), routing, authentication, the handler.
class Pipeline
{
public:
    Pipeline(const Router &router, SessionService &sessions) : m_router(router), m_sessions(sessions) {}

    Response handle(Request &request) const;

private:
    Response route(Request &request) const;
    const Router &m_router;
    SessionService &m_sessions;
};

/// Poco's side: turns sockets into Requests and Responses; bodies over `maxBodyBytes` are 413,
/// except file uploads (POST .../attachments), which may have up to `maxUploadBytes`.
class PipelineHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    PipelineHandlerFactory(const Pipeline &pipeline, std::size_t maxBodyBytes, std::size_t maxUploadBytes = 0)
        : m_pipeline(pipeline), m_maxBodyBytes(maxBodyBytes), m_maxUploadBytes(maxUploadBytes)
    {
    }
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;

private:
    const Pipeline &m_pipeline;
    std::size_t m_maxBodyBytes;
    std::size_t m_maxUploadBytes;
};

} // namespace onewindow::server
