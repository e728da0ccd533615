// `onewindow print`: a reprint without a window, the real client binary against a real server.
#include "serverprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_PrintCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_number;

    QProcess *run(const QStringList &arguments, const QString &password = QStringLiteral("OneWindow-demo-1"))
    {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ONEWINDOW_PASSWORD", password);
        env.insert("HOME", m_dir.path());
        env.remove("DISPLAY");
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(ONEWINDOW_CLIENT_BINARY), QStringList{"print"} + arguments);
        process->waitForFinished(60000);
        return process;
    }

private slots:
    void initTestCase()
    {
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QVERIFY2(m_server.start({"--database", db.url(), "--demo", "--today", "2026-11-27"}, &error), qPrintable(error));
        HttpClient clerk(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        const QJsonObject body{
            {"matters", QJsonArray{"HF-001"}},
            {"applicant", QJsonObject{{"kind", "person"}, {"name", QStringLiteral("张三")},
                                      {"idNumber", "11010519491231002X"}, {"phone", "13800138000"}}},
            {"center", "SZ"},
            {"form", QJsonObject{{"applicant_name", QStringLiteral("张三")}, {"applicant_id_number", "11010519491231002X"},
                                 {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽纺织")}, {"deposit_base", "5000"}}},
            {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "e_license"}},
                                     QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", "deficient"}}}}};
        const ApiReply created = clerk.post("/api/v1/cases", toJson(body), {{"Idempotency-Key", "print-command"}});
        QCOMPARE(created.status, 201);
        m_number = created.object().value("number").toString();
    }

    void reprintsTheCommitmentLetter()
    {
        const QString pdf = m_dir.filePath("commitment.pdf");
        QProcess *p = run({"--case", m_number, "--document", "commitment", "--output", pdf, "--server",
                           m_server.baseUrl(), "--user", "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QProcess text;
        text.start("pdftotext", {"-layout", pdf, "-"});
        QVERIFY(text.waitForFinished(30000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(content.contains(QStringLiteral("容缺受理承诺书")), qPrintable(content));
        QVERIFY(content.contains(m_number));
        QVERIFY(content.contains(QStringLiteral("劳动合同")));
    }

    void refusesClearly()
    {
        const QString pdf = m_dir.filePath("x.pdf");
        QProcess *p = run({"--case", m_number, "--document", "receipt", "--output", pdf, "--server", m_server.baseUrl(),
                           "--user", "clerk1"});
        QCOMPARE(p->exitCode(), 2);
        p = run({"--case", m_number, "--document", "acceptance", "--output", pdf, "--server", m_server.baseUrl(),
                 "--user", "clerk1"},
                "wrong");
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(p->readAllStandardError().contains("password"));
        // Out of scope looks like absent.
        p = run({"--case", m_number, "--document", "acceptance", "--output", pdf, "--server", m_server.baseUrl(),
                 "--user", "agent2"});
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(!QFile::exists(pdf));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_PrintCommand)
#include "tst_printcommand.moc"
