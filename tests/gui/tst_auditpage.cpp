// The auditor's page, offscreen against a real server: the trail searched by who, action and
// days (a failed sign-in is found under its user), the chains checked, and the search exported as
// CSV read back from the file. The list under QAbstractItemModelTester.
#include "guitest.h"
#include "admin/auditpage.h"
#include "apisignin.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/auditlog.h"

#include <QAbstractItemModelTester>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

class tst_AuditPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::ApiClient m_api;

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        // A failed sign-in, and a password that looks like a formula to a spreadsheet.
        HttpClient other(m_server.baseUrl());
        QCOMPARE(other.signIn("clerk1", "=HYPERLINK(\"x\")").status, 401);
        QCOMPARE(other.signIn("clerk2").status, 201);
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "auditor"));
    }

    void searchVerifyAndExport()
    {
        client::AuditPage page(&m_api);
        page.show();
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        QSignalSpy loaded(page.model(), &models::ApiListModel::loaded);
        auto *message = page.findChild<QLabel *>("auditMessage");
        QVERIFY(message);

        // Everything, newest first: the auditor's own sign-in on top.
        byAccessibleName<QPushButton>(&page, "Search the audit trail")->click();
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.model()->rowCount() >= 3);
        QCOMPARE(page.model()->index(0, models::AuditLogModel::Actor).data().toString(), QStringLiteral("auditor"));
        QCOMPARE(page.model()->index(0, models::AuditLogModel::Action).data().toString(), QStringLiteral("signed_in"));
        QVERIFY(page.model()->index(0, models::AuditLogModel::At).data().toString().startsWith("2026-11-27 "));

        // By who and what, from the keyboard.
        auto *who = byAccessibleName<QLineEdit>(&page, "Who acted");
        who->setText("clerk1");
        byAccessibleName<QLineEdit>(&page, "Action")->setText("sign_in_failed");
        QTest::keyClick(who, Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.model()->index(0, models::AuditLogModel::Detail).data().toString().startsWith("sign-in: wrong password"));
        QCOMPARE(message->text(), QStringLiteral("1 entry."));

        // Days: none the day after.
        byAccessibleName<QDateEdit>(&page, "First day")->setDate(QDate(2026, 11, 28));
        page.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.model()->rowCount(), 0);
        byAccessibleName<QDateEdit>(&page, "Last day")->setDate(QDate(2026, 11, 20));
        page.refresh();
        QCOMPARE(message->text(), QStringLiteral("The last day is before the first."));
        byAccessibleName<QDateEdit>(&page, "First day")->setDate(QDate(2000, 1, 1));
        byAccessibleName<QDateEdit>(&page, "Last day")->setDate(QDate(2000, 1, 1));
        QCOMPARE(byAccessibleName<QDateEdit>(&page, "First day")->text(), QStringLiteral("Any day"));

        // Every chain intact.
        page.verify();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith("The audit trail is intact: "), 10000);
        // Compared with the checkpoint the server wrote when it started.
        QVERIFY2(message->text().contains(", nothing missing that the checkpoint of 2026-11-27 "), qPrintable(message->text()));

        // The search exported, read back from the file.
        who->setText(QString());
        byAccessibleName<QLineEdit>(&page, "Action")->setText(QString());
        const QString path = m_dir.filePath("audit.csv");
        QString exportError = QStringLiteral("not done");
        page.exportTo(path, [&](const QString &error) { exportError = error; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != QLatin1String("not done"), 10000);
        QCOMPARE(exportError, QString());
        QCOMPARE(message->text(), QStringLiteral("Exported to %1.").arg(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBFseq,at,actor,action,case_id,case_number,detail\r\n"));
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QVERIFY(lines.size() >= 4);
        QVERIFY(lines.at(1).contains(",auditor,signed_in,,,"));
        QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const QByteArray &l) {
            return l.contains(",clerk1,sign_in_failed,,,\"sign-in: wrong password, from 127.0.0.1\"");
        }));
        // The password typed is nowhere.
        QVERIFY(!csv.contains("HYPERLINK"));
    }

    // Verify's answer said as what was found where, never a bare entry number.
    void verificationSaysWhatWasFound()
    {
        const auto said = [](const QJsonObject &fields) {
            QJsonObject answer{{"valid", false}, {"entries", 40}, {"firstBrokenEntry", QJsonValue()},
                               {"problem", QJsonValue()}, {"caseId", QJsonValue()}, {"caseNumber", QJsonValue()},
                               {"checkpoint", QJsonObject{{"at", "2026-11-27T09:15:02+08:00"}, {"seq", 31}, {"entries", 38}}},
                               {"message", "..."}};
            for (auto it = fields.begin(); it != fields.end(); ++it)
                answer.insert(it.key(), it.value());
            return client::AuditPage::verificationText(answer);
        };
        QCOMPARE(said({{"valid", true}}), QStringLiteral("The audit trail is intact: 40 entries checked, no chain broken, "
                                                         "nothing missing that the checkpoint of 2026-11-27 09:15 recorded."));
        QCOMPARE(said({{"valid", true}, {"entries", 1}, {"checkpoint", QJsonValue()}}),
                 QStringLiteral("The audit trail is intact: 1 entry checked, no chain broken. There is no checkpoint yet, "
                                "so the removal of the last entries could not be checked."));
        QCOMPARE(said({{"problem", "entry_changed"}, {"firstBrokenEntry", 7}}),
                 QStringLiteral("The audit trail was changed: entry 7 does not match its chain (edited, written again "
                                "without the audit key, or an entry before it removed). Report it to the security "
                                "administrator."));
        QCOMPARE(said({{"problem", "case_missing"}, {"caseId", "c-1"}, {"caseNumber", "SZ-20261127-0001"}}),
                 QStringLiteral("The audit trail was changed: case SZ-20261127-0001 was created but is no longer in the "
                                "database. Report it to the security administrator."));
        QCOMPARE(said({{"problem", "case_chain_cut"}, {"caseId", "c-1"}}),
                 QStringLiteral("The audit trail was changed: entries of case c-1 were removed. Report it to the security "
                                "administrator."));
        QCOMPARE(said({{"problem", "chain_shortened"}}),
                 QStringLiteral("The audit trail was changed: it is shorter than the checkpoint of 2026-11-27 09:15 "
                                "recorded, its last entries were removed. Report it to the security administrator."));
        QCOMPARE(said({{"problem", "checkpoint_mismatch"}, {"firstBrokenEntry", 31}}),
                 QStringLiteral("The audit trail was changed: it does not hold what the checkpoint of 2026-11-27 09:15 "
                                "recorded at entry 31. Report it to the security administrator."));
        QCOMPARE(said({{"problem", "entries_missing"}}),
                 QStringLiteral("The audit trail was changed: it holds fewer entries than the checkpoint of 2026-11-27 "
                                "09:15 counted, entries were removed. Report it to the security administrator."));
        QCOMPARE(said({{"problem", "checkpoint_altered"}}),
                 QStringLiteral("The checkpoint file was changed: a checkpoint in it is not signed with the audit key. "
                                "Report it to the security administrator."));
    }

    void cellsAreQuotedAndNeverFormulas()
    {
        const QJsonArray entries{QJsonObject{{"seq", 7}, {"at", "2026-11-27T09:00:00.000000+08:00"}, {"actor", "=cmd"},
                                             {"action", "x"}, {"caseId", QJsonValue()}, {"caseNumber", QJsonValue()},
                                             {"detail", QStringLiteral("说 \"好\",\n二行")}}};
        QCOMPARE(models::AuditLog::toCsv(entries),
                 QByteArray("\xEF\xBB\xBFseq,at,actor,action,case_id,case_number,detail\r\n"
                            "7,2026-11-27T09:00:00.000000+08:00,'=cmd,x,,,\"") + QStringLiteral("说 \"\"好\"\",\n二行").toUtf8()
                     + "\"\r\n");
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_AuditPage)
#include "tst_auditpage.moc"
