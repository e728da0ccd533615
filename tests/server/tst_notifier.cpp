// The SMS command: its exit status says sent or not, and one that hangs is killed after the
// timeout, the message counted as not sent, so that the jobs go on.
#include "notify/notifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace onewindow::server;

class tst_Notifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// An executable shell script in the test's folder.
    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write("#!/bin/sh\n" + body);
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        return path;
    }

private slots:
    void exitStatusSaysSent()
    {
        const QString sent = m_dir.filePath("sent.txt");
        CommandNotifier ok(script("ok.sh", "printf '%s|%s' \"$1\" \"$2\" > " + sent.toUtf8() + "\n").toStdString(), 5);
        const auto result = ok.send("13800138000", "请于 2026-12-01 前补交劳动合同");
        QVERIFY(result.sent);
        QFile file(sent);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("13800138000|请于 2026-12-01 前补交劳动合同"));

        CommandNotifier failing(script("fail.sh", "exit 3\n").toStdString(), 5);
        const auto refused = failing.send("13800138000", "x");
        QVERIFY(!refused.sent);
        QVERIFY2(refused.error.find("exited with status 3") != std::string::npos, refused.error.c_str());
    }

    void aHangingCommandIsKilled()
    {
        const QString pidFile = m_dir.filePath("pid");
        CommandNotifier hanging(script("hang.sh", "echo $$ > " + pidFile.toUtf8() + "\nexec sleep 600\n").toStdString(), 1);
        const auto result = hanging.send("13800138000", "x");
        QVERIFY(!result.sent);
        QCOMPARE(QString::fromStdString(result.error), m_dir.filePath("hang.sh") + " timed out after 1 s");
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const pid_t pid = static_cast<pid_t>(file.readAll().trimmed().toLong());
        QVERIFY(pid > 0);
        // Killed and reaped: no such process any more.
        QCOMPARE(::kill(pid, 0), -1);
    }
};

QTEST_GUILESS_MAIN(tst_Notifier)
#include "tst_notifier.moc"
