#include "logging/logging.h"

#include "domain/idnumber.h"

#include <spdlog/async.h>
#include <spdlog/details/null_mutex.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
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

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The length of the key announcing a secret (password, passwd, secret, token) that starts at
// `at` of the lower-cased text; 0 when none does.
std::size_t secretKeyAt(std::string_view low, std::size_t at)
{
    for (std::string_view key : {"password", "passwd", "secret", "token"}) {
        if (low.substr(at, key.size()) == key)
            return key.size();
    }
    return 0;
}

// A key (its `keyLength` characters at `at`) followed by `":"`, `=` or `: `: where its value
// begins and ends; nullopt when no value follows (the key is a word in a sentence).
struct Span
{
    std::size_t keyEnd; // past the key and the rest of a longer key (password_hash, passwordConfirm)
    std::size_t begin;
    std::size_t end;
    bool found;
};

Span secretValue(std::string_view text, std::size_t at, std::size_t keyLength)
{
    std::size_t i = at + keyLength;
    while (i < text.size() && (isAlnum(text[i]) || text[i] == '_'))
        ++i;
    std::size_t j = i;
    while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ' '))
        ++j;
    if (j >= text.size() || (text[j] != '=' && text[j] != ':'))
        return {i, 0, 0, false};
    ++j;
    while (j < text.size() && (text[j] == ' ' || text[j] == '"' || text[j] == '\''))
        ++j;
    std::size_t end = j;
    const char quote = text[j - 1];
    if (quote == '"' || quote == '\'') {
        while (end < text.size() && text[end] != quote)
            end += (text[end] == '\\' && end + 1 < text.size()) ? 2 : 1;
    } else {
        while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '&' && text[end] != ';')
            ++end;
    }
    return {i, j, std::min(end, text.size()), true};
}

// No lock of its own: the console and file sinks it hands lines to each take theirs, so that
// redacting a line (the server logs one per request) holds no lock the other threads wait on.
// Its sinks are added once, before anything is logged.
using UnlockedDistSink = spdlog::sinks::dist_sink<spdlog::details::null_mutex>;

// The background logger's queue, for the count of lines it dropped.
std::mutex g_poolMutex;
std::shared_ptr<spdlog::details::thread_pool> g_pool;
std::size_t g_droppedBefore = 0; // by the pool drain() let go of

class RedactingSink final : public UnlockedDistSink
{
protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string redacted = redact(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg);
        copy.payload = spdlog::string_view_t(redacted.data(), redacted.size());
        UnlockedDistSink::sink_it_(copy);
        reportDrops(msg);
    }

private:
    // At most once a second: when lines were dropped since the last report, a line saying how
    // many, written here, on the logging thread.
    void reportDrops(const spdlog::details::log_msg &msg)
    {
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        auto last = m_lastCheck.load();
        if (now - last < std::chrono::steady_clock::duration(std::chrono::seconds(1)).count()
            || !m_lastCheck.compare_exchange_strong(last, now))
            return;
        const std::size_t dropped = droppedLines();
        const std::size_t reported = m_reported.exchange(dropped);
        if (dropped <= reported)
            return;
        const std::string text = std::to_string(dropped - reported) + " log line(s) dropped: the log's queue was full ("
                                 + std::to_string(dropped) + " since the start)";
        const spdlog::details::log_msg note(msg.logger_name, spdlog::level::warn,
                                            spdlog::string_view_t(text.data(), text.size()));
        UnlockedDistSink::sink_it_(note);
    }

    std::atomic<std::chrono::steady_clock::rep> m_lastCheck{0};
    std::atomic<std::size_t> m_reported{0};
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

std::string redact(std::string_view text)
{
    // One pass: each character is looked at a bounded number of times, whatever the message
    // holds (a megabyte of "token:a," costs what a megabyte of plain text does).
    const std::string low = lower(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (isDigit(c) && (i == 0 || !isAlnum(text[i - 1]))) {
            // A run of exactly 17 digits and a digit or X that is not part of a longer number.
            std::size_t j = i;
            while (j < text.size() && isDigit(text[j]))
                ++j;
            std::size_t end = j;
            if (j - i == 17 && j < text.size() && (text[j] == 'X' || text[j] == 'x'))
                end = j + 1;
            const bool boundary = end >= text.size() || !isAlnum(text[end]);
            if (end - i == 18 && boundary)
                out += IdNumber::mask(text.substr(i, 18));
            else
                out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (std::string_view(low).substr(i, 7) == "bearer ") {
            std::size_t end = i + 7;
            while (end < text.size() && isTokenChar(text[end]))
                ++end;
            out.append(text.substr(i, 7));
            if (end > i + 7)
                out += "***";
            i = end;
            continue;
        }
        if (const std::size_t keyLength = secretKeyAt(low, i)) {
            const Span value = secretValue(text, i, keyLength);
            if (!value.found) {
                out.append(text.substr(i, value.keyEnd - i));
                i = value.keyEnd;
                continue;
            }
            out.append(text.substr(i, value.begin - i));
            out += "***";
            i = value.end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

std::string escaped(std::string_view text, std::size_t maxChars)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(text.size(), maxChars * 4) + 4);
    const auto escapeByte = [&out](unsigned char byte) {
        out += "\\x";
        out += hex[byte >> 4];
        out += hex[byte & 15];
    };
    std::size_t chars = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (chars == maxChars) {
            out += "…";
            break;
        }
        ++chars;
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            switch (byte) {
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\\': out += "\\\\"; break;
            default:
                if (byte < 0x20 || byte == 0x7f)
                    escapeByte(byte);
                else
                    out += static_cast<char>(byte);
            }
            ++i;
            continue;
        }
        // A UTF-8 sequence: kept when well formed, else its first byte is shown as \xNN.
        const std::size_t length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3
                                   : byte >= 0xf0 && byte <= 0xf4                            ? 4
                                                                                               : 0;
        char32_t point = length == 2 ? byte & 0x1fu : length == 3 ? byte & 0x0fu : byte & 0x07u;
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            ok = (next & 0xc0) == 0x80;
            point = (point << 6) | (next & 0x3fu);
        }
        if (ok && length == 3)
            ok = point >= 0x800 && (point < 0xd800 || point > 0xdfff);
        if (ok && length == 4)
            ok = point >= 0x10000 && point <= 0x10ffff;
        if (!ok) {
            escapeByte(byte);
            ++i;
            continue;
        }
        if (point <= 0x9f || point == 0x2028 || point == 0x2029) {
            // C1 controls and the Unicode line and paragraph separators.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(point >> shift) & 15];
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

namespace {
constexpr const char *kPattern = "%Y-%m-%dT%H:%M:%S.%e%z %^%-5l%$ [%n] %v";
} // namespace

std::size_t droppedLines()
{
    std::lock_guard lock(g_poolMutex);
    return g_droppedBefore + (g_pool ? g_pool->overrun_counter() : 0);
}

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
    // No flush() here: it would be queued like a line, and push one out of a full queue. The
    // pool writes what it holds before its thread ends, and the sinks are flushed below.
    current.reset();
    std::size_t dropped = 0;
    {
        // Nothing is dropped once no thread logs into the queue any more.
        std::lock_guard lock(g_poolMutex);
        if (g_pool)
            g_droppedBefore += g_pool->overrun_counter();
        g_pool.reset();
        dropped = g_droppedBefore;
    }
    // The pool writes what it holds before its thread ends (each queued line keeps the
    // background logger alive until written).
    spdlog::details::registry::instance().set_tp(nullptr);
    if (dropped > 0)
        sync->warn("{} log line(s) dropped in all: the log's queue was full", dropped);
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
        auto pool = std::make_shared<spdlog::details::thread_pool>(std::max<std::size_t>(options.queuedLines, 1), 1);
        spdlog::details::registry::instance().set_tp(pool);
        {
            std::lock_guard lock(g_poolMutex);
            g_pool = pool;
            g_droppedBefore = 0;
        }
        // A full queue drops its oldest line rather than make the logging thread wait.
        logger = std::make_shared<spdlog::async_logger>(options.name, sink, pool,
                                                        spdlog::async_overflow_policy::overrun_oldest);
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
