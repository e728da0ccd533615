#include "http/deadlines.h"

#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <spdlog/spdlog.h>

#include <sys/socket.h>

namespace onewindow::server {

namespace {

// The connection served on this thread, if it is watched.
thread_local ConnectionDeadlines *t_deadlines = nullptr;
thread_local std::uint64_t t_connection = 0;

class WatchedConnection : public Poco::Net::HTTPServerConnection
{
public:
    WatchedConnection(const Poco::Net::StreamSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr factory, ConnectionDeadlines &deadlines)
        : HTTPServerConnection(socket, params, factory), m_deadlines(deadlines)
    {
    }
    void run() override
    {
        const ConnectionDeadlines::Watch watch(m_deadlines, socket());
        HTTPServerConnection::run();
    }

private:
    ConnectionDeadlines &m_deadlines;
};

class WatchedConnectionFactory : public Poco::Net::TCPServerConnectionFactory
{
public:
    WatchedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
                             ConnectionDeadlines &deadlines)
        : m_params(params), m_factory(factory), m_deadlines(deadlines)
    {
    }
    Poco::Net::TCPServerConnection *createConnection(const Poco::Net::StreamSocket &socket) override
    {
        return new WatchedConnection(socket, m_params, m_factory, m_deadlines);
    }

private:
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_factory;
    ConnectionDeadlines &m_deadlines;
};

} // namespace

ConnectionDeadlines::ConnectionDeadlines(Settings settings) : m_settings(settings)
{
    m_thread = std::thread([this] { run(); });
}

ConnectionDeadlines::~ConnectionDeadlines()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

ConnectionDeadlines::Watch::Watch(ConnectionDeadlines &deadlines, const Poco::Net::StreamSocket &socket)
    : m_deadlines(deadlines)
{
    std::string peer("?");
    try {
        peer = socket.peerAddress().host().toString();
    } catch (const Poco::Exception &) {
        // a peer already gone: its connection ends at its first read
    }
    const std::lock_guard lock(deadlines.m_mutex);
    m_id = deadlines.m_nextId++;
    deadlines.m_entries.emplace(
        m_id, Entry{socket, peer, Clock::now() + std::chrono::seconds(deadlines.m_settings.headerSeconds), true});
    t_deadlines = &deadlines;
    t_connection = m_id;
}

ConnectionDeadlines::Watch::~Watch()
{
    const std::lock_guard lock(m_deadlines.m_mutex);
    m_deadlines.m_entries.erase(m_id);
    t_deadlines = nullptr;
    t_connection = 0;
}

void ConnectionDeadlines::readingBody(std::int64_t contentLength)
{
    if (!t_deadlines)
        return;
    const Settings &s = t_deadlines->m_settings;
    const std::int64_t extra = contentLength > 0 && s.minBodyBytesPerSecond > 0 ? contentLength / s.minBodyBytesPerSecond : 0;
    t_deadlines->set(t_connection, true, std::chrono::seconds(s.bodySeconds + extra));
}

void ConnectionDeadlines::handling()
{
    if (t_deadlines)
        t_deadlines->set(t_connection, false, {});
}

void ConnectionDeadlines::answered()
{
    if (t_deadlines)
        t_deadlines->set(t_connection, true, std::chrono::seconds(t_deadlines->m_settings.headerSeconds));
}

void ConnectionDeadlines::set(std::uint64_t id, bool watched, Clock::duration allowed)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->second.watched = watched;
    it->second.deadline = Clock::now() + allowed;
}

void ConnectionDeadlines::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(250));
        const auto now = Clock::now();
        for (auto &[id, entry] : m_entries) {
            if (!entry.watched || entry.deadline > now)
                continue;
            // Shut down, not closed: the connection's thread still owns the socket; its blocked
            // read returns at once and it ends the connection itself.
            ::shutdown(entry.socket.impl()->sockfd(), SHUT_RDWR);
            entry.watched = false;
            m_cut.fetch_add(1);
            spdlog::warn("connection from {} ended: request not received in time", entry.peer);
        }
    }
}

DeadlineHttpServer::DeadlineHttpServer(Poco::SharedPtr<StoppableHandlerFactory> factory,
                                       const Poco::Net::ServerSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                                       ConnectionDeadlines &deadlines)
    : TCPServer(new WatchedConnectionFactory(params, factory, deadlines), socket, params), m_factory(factory)
{
}

void DeadlineHttpServer::stopAll(bool abortCurrent)
{
    stop();
    m_factory->notifyStopped(abortCurrent);
}

} // namespace onewindow::server
