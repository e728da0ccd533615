#include "notify/notifier.h"

#include <Poco/Exception.h>
#include <Poco/Process.h>

#include <spdlog/spdlog.h>

#include <sstream>
#include <stdexcept>

namespace onewindow::server {

Notifier::Result LoggingNotifier::send(const std::string &phone, const std::string &text)
{
    spdlog::info("SMS to {}: {}", phone, text);
    return {true, {}};
}

CommandNotifier::CommandNotifier(const std::string &commandLine)
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
        const int status = process.wait();
        if (status == 0)
            return {true, {}};
        return {false, m_program + " exited with status " + std::to_string(status)};
    } catch (const Poco::Exception &e) {
        return {false, "cannot run " + m_program + ": " + e.displayText()};
    }
}

} // namespace onewindow::server
