#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace onewindow::logging {

/// One logging setup for server and client: a rotating file and the console, level from
/// configuration. Every message passes through redact() before any sink sees it.
struct Options
{
    std::string name = "onewindow";
    std::string file;                      ///< rotating log file; empty for none
    std::string level = "info";            ///< trace, debug, info, warn, error, critical, off
    std::size_t maxFileBytes = 10 * 1024 * 1024;
    std::size_t maxFiles = 5;
    bool console = true;
    /// Lines are formatted and written by a thread of their own, so that the threads that log
    /// (the server's request threads, a line each) never wait for the console or the disk. The
    /// queue holds `queuedLines`; a line logged into a full queue pushes out the oldest one
    /// waiting, so that no thread ever waits for the log. Lines lost so are counted
    /// (droppedLines()) and the count is written to the log, at most once a second while lines are
    /// being lost, and by drain(). Call drain() before the program ends.
    bool background = false;
    std::size_t queuedLines = 8192;
};

/// Installs the default logger. The environment variable ONEWINDOW_LOG_LEVEL overrides
/// `options.level`. Returns the logger; calling it again replaces the previous setup.
std::shared_ptr<spdlog::logger> setup(const Options &options);

/// Writes every line still queued by a `background` logger and logs synchronously from then
/// on, to the same sinks. Does nothing for a synchronous logger.
void drain();

/// Lines a `background` logger has dropped because its queue was full, since setup().
std::size_t droppedLines();

/// `text` made safe to put into a log line: control characters (and C1 controls, U+2028, U+2029)
/// shown as \n, \r, \t, \xNN or \uNNNN, a backslash as \\, bytes that are not UTF-8 as \xNN;
/// at most `maxChars` characters, then "…". Every argument of a log line that a client chose
/// (usernames, paths, methods, headers, error texts quoting a request) goes through it.
std::string escaped(std::string_view text, std::size_t maxChars = 200);

/// Masks what must never reach a log: full citizen ID numbers (kept: region and last four),
/// passwords, secrets and bearer tokens. One pass over the message, linear in its length.
std::string redact(std::string_view message);

} // namespace onewindow::logging
