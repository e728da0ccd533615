#pragma once

#include <string>
#include <vector>

namespace onewindow::server {

/// Sends one text message (an SMS reminder) to a phone number. Implementations must be safe to
/// call from the job thread and from a request thread at the same time.
class Notifier
{
public:
    struct Result
    {
        bool sent = false;
        std::string error; ///< why not, when not sent
    };

    virtual ~Notifier() = default;
    virtual Result send(const std::string &phone, const std::string &text) = 0;
    virtual std::string name() const = 0;
};

/// Writes the message to the server log and counts it as sent: for demos and installations
/// without an SMS gateway.
class LoggingNotifier : public Notifier
{
public:
    Result send(const std::string &phone, const std::string &text) override;
    std::string name() const override { return "log"; }
};

/// Runs a command (`notifier.command`) with the phone number and the text as its two last
/// arguments; exit status 0 means sent. The command is split on spaces, no shell is involved,
/// so the text never reaches a shell. A command still running after `timeoutSeconds` is killed
/// and the message counts as not sent (to be tried again): a hanging gateway never stops the
/// jobs.
class CommandNotifier : public Notifier
{
public:
    explicit CommandNotifier(const std::string &commandLine, int timeoutSeconds = 10);
    Result send(const std::string &phone, const std::string &text) override;
    std::string name() const override { return "command " + m_program; }

private:
    std::string m_program;
    std::vector<std::string> m_arguments;
    int m_timeoutSeconds;
};

} // namespace onewindow::server
