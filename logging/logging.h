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
};

/// Installs the default logger. The environment variable ONEWINDOW_LOG_LEVEL overrides
/// `options.level`. Returns the logger; calling it again replaces the previous setup.
std::shared_ptr<spdlog::logger> setup(const Options &options);

/// Masks what must never reach a log: full citizen ID numbers (kept: region and last four),
/// passwords, secrets and bearer tokens.
std::string redact(std::string_view message);

} // namespace onewindow::logging
