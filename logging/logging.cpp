#include "logging/logging.h"

#include "domain/idnumber.h"

#include <spdlog/async.h>
#include <spdlog/details/null_mutex.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <mutex>

namespace onewindow::logging {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~' || c == '+'
           || c == '/' || c == '=';
}

// Masks every run of exactly 17 digits and a digit or X that is not part of a longer number.
void maskIdNumbers(std::string &text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i]) || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isDigit(text[j]))
            ++j;
        std::size_t end = j;
        if (j - i == 17 && j < text.size() && (text[j] == 'X' || text[j] == 'x'))
            end = j + 1;
        const bool boundary = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
        if (end - i == 18 && boundary)
            text.replace(i, 18, IdNumber::mask(std::string_view(text).substr(i, 18)));
        i = end;
    }
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// After a key such as `password`, skips `":"`, `=`, `: ` and masks the value that follows.
void maskSecretsAfter(std::string &text, std::string_view key)
{
    std::size_t from = 0;
    while (true) {
        const std::string low = lower(text);
        const auto at = low.find(key, from);
        if (at == std::string::npos)
            return;
        std::size_t i = at + key.size();
        // Skip the rest of a longer key (password_hash, passwordConfirm) and its quote.
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
            ++i;
        std::size_t j = i;
        while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ' '))
            ++j;
        if (j >= text.size() || (text[j] != '=' && text[j] != ':')) {
            from = i;
            continue;
        }
        ++j;
        while (j < text.size() && (text[j] == ' ' || text[j] == '"' || text[j] == '\''))
            ++j;
        std::size_t end = j;
        const char quote = j > 0 ? text[j - 1] : '\0';
        if (quote == '"' || quote == '\'') {
            while (end < text.size() && text[end] != quote) {
                end += (text[end] == '\\' && end + 1 < text.size()) ? 2 : 1;
            }
        } else {
            while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '&' && text[end] != ';')
                ++end;
        }
        if (end > text.size())
            end = text.size();
        text.replace(j, end - j, "***");
        from = j + 3;
    }
}

void maskBearerTokens(std::string &text)
{
    std::size_t from = 0;
    while (true) {
        const auto at = lower(text).find("bearer ", from);
        if (at == std::string::npos)
            return;
        const std::size_t start = at + 7;
        std::size_t end = start;
        while (end < text.size() && isTokenChar(text[end]))
            ++end;
        if (end > start)
            text.replace(start, end - start, "***");
        from = start + 3;
    }
}

// No lock of its own: the console and file sinks it hands lines to each take theirs, so that
// redacting a line (the server logs one per request) holds no lock the other threads wait on.
// Its sinks are added once, before anything is logged.
using UnlockedDistSink = spdlog::sinks::dist_sink<spdlog::details::null_mutex>;

class RedactingSink final : public UnlockedDistSink
{
protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string redacted = redact(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg);
        copy.payload = spdlog::string_view_t(redacted.data(), redacted.size());
        UnlockedDistSink::sink_it_(copy);
    }
};

spdlog::level::level_enum parseLevel(std::string_view text, bool *ok)
{
    const std::string low = lower(text);
    static constexpr std::array names{"trace", "debug", "info", "warn", "error", "critical", "off"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (low == names[i] || (low == "warning" && i == 3)) {
            *ok = true;
            return static_cast<spdlog::level::level_enum>(i);
        }
    }
    *ok = false;
    return spdlog::level::info;
}

} // namespace

std::string redact(std::string_view message)
{
    std::string text(message);
    maskIdNumbers(text);
    for (std::string_view key : {"password", "passwd", "secret", "token"})
        maskSecretsAfter(text, key);
    maskBearerTokens(text);
    return text;
}

namespace {
constexpr const char *kPattern = "%Y-%m-%dT%H:%M:%S.%e%z %^%-5l%$ [%n] %v";
constexpr std::size_t kQueuedLines = 8192;
} // namespace

void drain()
{
    auto current = spdlog::default_logger();
    if (!std::dynamic_pointer_cast<spdlog::async_logger>(current))
        return;
    auto sync = std::make_shared<spdlog::logger>(current->name(), current->sinks().begin(), current->sinks().end());
    sync->set_pattern(kPattern);
    sync->set_level(current->level());
    sync->flush_on(current->flush_level());
    spdlog::set_default_logger(sync);
    current->flush();
    current.reset();
    // The pool writes what it holds before its thread ends (each queued line keeps the
    // background logger alive until written).
    spdlog::details::registry::instance().set_tp(nullptr);
    sync->flush();
}

std::shared_ptr<spdlog::logger> setup(const Options &options)
{
    drain();
    auto sink = std::make_shared<RedactingSink>();
    if (options.console)
        sink->add_sink(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!options.file.empty()) {
        sink->add_sink(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(options.file, options.maxFileBytes,
                                                                              options.maxFiles));
    }
    std::shared_ptr<spdlog::logger> logger;
    if (options.background) {
        auto pool = std::make_shared<spdlog::details::thread_pool>(kQueuedLines, 1);
        spdlog::details::registry::instance().set_tp(pool);
        logger = std::make_shared<spdlog::async_logger>(options.name, sink, pool, spdlog::async_overflow_policy::block);
    } else {
        logger = std::make_shared<spdlog::logger>(options.name, sink);
    }
    logger->set_pattern(kPattern);

    std::string levelText = options.level;
    if (const char *env = std::getenv("ONEWINDOW_LOG_LEVEL"); env && *env)
        levelText = env;
    bool ok = false;
    logger->set_level(parseLevel(levelText, &ok));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    if (!ok)
        logger->warn("unknown log level '{}', using info", levelText);
    return logger;
}

} // namespace onewindow::logging
