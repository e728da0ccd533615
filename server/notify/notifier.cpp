#include "notify/notifier.h"

#include "logging/logging.h"

#include <Poco/Exception.h>
#include <Poco/Process.h>

#include <spdlog/spdlog.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace onewindow::server {

Notifier::Result LoggingNotifier::send(const std::string &phone, const std::string &text)
{
    spdlog::info("SMS to {}: {}", logging::escaped(phone), logging::escaped(text, 1000));
    return {true, {}};
}

CommandNotifier::CommandNotifier(const std::string &commandLine, int timeoutSeconds)
    : m_timeoutSeconds(timeoutSeconds)
{
    std::istringstream in(commandLine);
    for (std::string word; in >> word;) {
        if (m_program.empty())
            m_program = word;
        else
            m_arguments.push_back(word);
    }
    if (m_program.empty())
        throw std::invalid_argument("notifier.command is empty");
}

Notifier::Result CommandNotifier::send(const std::string &phone, const std::string &text)
{
    std::vector<std::string> arguments = m_arguments;
    arguments.push_back(phone);
    arguments.push_back(text);
    try {
        Poco::ProcessHandle process = Poco::Process::launch(m_program, arguments);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(m_timeoutSeconds);
        int status = process.tryWait();
        while (status == -1 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            status = process.tryWait();
        }
        if (status == -1) {
            Poco::Process::kill(process);
            process.wait();
            spdlog::warn("{} still ran after {} s: killed, the message is not sent", m_program, m_timeoutSeconds);
            return {false, m_program + " timed out after " + std::to_string(m_timeoutSeconds) + " s"};
        }
        if (status == 0)
            return {true, {}};
        return {false, m_program + " exited with status " + std::to_string(status)};
    } catch (const Poco::Exception &e) {
        return {false, "cannot run " + m_program + ": " + e.displayText()};
    }
}

} // namespace onewindow::server
