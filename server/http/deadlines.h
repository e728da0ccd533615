#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServer.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace onewindow::server {

/// Deadlines for the parts of a request a client controls, so that clients sending a byte now
/// and then (slowloris) cannot hold the worker threads: a request's line and headers must arrive
/// within `headerSeconds` of the connection's start or of the previous answer, and its body
/// within `bodySeconds` plus one second per `minBodyBytesPerSecond` of its length. A connection
/// past its deadline is shut down (its read fails, so a body cut short is never handled). The
/// server's own work on a request has no deadline here.
class ConnectionDeadlines
{
public:
    struct Settings
    {
        int headerSeconds = 20;
        int bodySeconds = 60;
        std::int64_t minBodyBytesPerSecond = 16 * 1024;
    };

    explicit ConnectionDeadlines(Settings settings);
    ~ConnectionDeadlines();
    ConnectionDeadlines(const ConnectionDeadlines &) = delete;
    ConnectionDeadlines &operator=(const ConnectionDeadlines &) = delete;

    /// Called on the connection's thread by the request handler: the headers are in, the body
    /// (of `contentLength` bytes, -1 when unknown) is next.
    static void readingBody(std::int64_t contentLength);
    /// The body is in: the server works on the request, no deadline.
    static void handling();
    /// The answer went out: the next request's headers have `headerSeconds` again.
    static void answered();

    /// Connections shut down for missing a deadline since the start.
    std::uint64_t cut() const { return m_cut.load(); }

    /// Watches the connection served on this thread while it lives.
    class Watch
    {
    public:
        Watch(ConnectionDeadlines &deadlines, const Poco::Net::StreamSocket &socket);
        ~Watch();
        Watch(const Watch &) = delete;
        Watch &operator=(const Watch &) = delete;

    private:
        ConnectionDeadlines &m_deadlines;
        std::uint64_t m_id;
    };

private:
    using Clock = std::chrono::steady_clock;
    struct Entry
    {
        Poco::Net::StreamSocket socket;
        std::string peer;
        Clock::time_point deadline;
        bool watched = true; ///< false while the server works on a request
    };
    void set(std::uint64_t id, bool watched, Clock::duration allowed);
    void run();

    Settings m_settings;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextId = 1;
    bool m_stopping = false;
    std::atomic<std::uint64_t> m_cut{0};
    std::thread m_thread;
};

/// A request handler factory that tells its connections the server stops.
class StoppableHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    void notifyStopped(bool abortCurrent) { serverStopped(this, abortCurrent); }
};

/// Poco's HTTPServer with ConnectionDeadlines on every connection.
class DeadlineHttpServer : public Poco::Net::TCPServer
{
public:
    DeadlineHttpServer(Poco::SharedPtr<StoppableHandlerFactory> factory, const Poco::Net::ServerSocket &socket,
                       Poco::Net::HTTPServerParams::Ptr params, ConnectionDeadlines &deadlines);
    /// Stops accepting; connections end after the request they are serving (as HTTPServer::stopAll).
    void stopAll(bool abortCurrent = false);

private:
    Poco::SharedPtr<StoppableHandlerFactory> m_factory;
};

} // namespace onewindow::server
