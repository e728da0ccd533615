#pragma once

// What the client benchmarks share: waiting on the event loop, and a real onewindow-server on a
// free port. Header-only.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace {

/// Runs the event loop until `done` is true or `timeoutMs` passed; false on a timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    // Wakes the loop now and then to look at the clock; otherwise it sleeps until an event comes.
    QTimer wake;
    wake.start(100);
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// onewindow-server on a free port over `database` with the demo data (background jobs off, as in
/// bench_queue).
class Server
{
public:
    Server(const QString &binary, const QString &database)
    {
        const QString config = m_dir.filePath(QStringLiteral("server.properties"));
        QFile file(config);
        if (file.open(QIODevice::WriteOnly))
            file.write("jobs.intervalSeconds = 0\n");
        file.close();
        m_process.setProgram(binary);
        m_process.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"),
                                database, QStringLiteral("--demo"), QStringLiteral("--today"),
                                QStringLiteral("2026-11-27"), QStringLiteral("--config"), config});
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
        m_process.start();
        static const QRegularExpression listening(QStringLiteral("listening on (http://[^ ]*:[0-9]+) \\("));
        QByteArray seen;
        waitFor([&] {
            seen += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(seen));
            if (match.hasMatch())
                m_url = QUrl(match.captured(1));
            return m_url.isValid() || m_process.state() == QProcess::NotRunning;
        }, 120000);
    }
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }

    QUrl url() const { return m_url; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};

} // namespace
