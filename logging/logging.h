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
    /// queue holds 8192 lines; a thread logging into a full queue waits (no line is dropped).
    /// Call drain() before the program ends.
    bool background = false;
};

/// Installs the default logger. The environment variable ONEWINDOW_LOG_LEVEL overrides
/// `options.level`. Returns the logger; calling it again replaces the previous setup.
std::shared_ptr<spdlog::logger> setup(const Options &options);

/// Writes every line still queued by a `background` logger and logs synchronously from then
/// on, to the same sinks. Does nothing for a synchronous logger.
void drain();

/// Masks what must never reach a log: full citizen ID numbers (kept: region and last four),
/// passwords, secrets and bearer tokens.
std::string redact(std::string_view message);

} // namespace onewindow::logging
