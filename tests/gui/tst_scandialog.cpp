// Supplying a deficient material by scan, offscreen: SANE's test device, one PDF uploaded with
// its progress, the supply naming the attachment; a PNG imported from a file goes the same way.
#include "deficiencies/scandialog.h"
#include "apisignin.h"
#include "guitest.h"
#include "sampleintake.h"
#include "sanetestdevice.h"
#include "serverprocess.h"

#include "models/apiclient.h"

#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onewindow;

class tst_ScanDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_sane;
    ServerProcess m_server;
    std::unique_ptr<HttpClient> m_clerk;
    models::ApiClient m_api;

    /// A fresh HF-001 case with the labour contract deficient, as the tracker lists it.
    QJsonObject deficientCase()
    {
        const QJsonObject body = sampleIntake(*m_clerk, "HF-001", "SZ", samplePerson(QStringLiteral("张三"), "11010519491231002X"),
                                              {"LABOR_CONTRACT"});
        const QJsonObject c = m_clerk->post("/api/v1/cases", toJson(body), {{"Idempotency-Key", QUuid::createUuid().toByteArray()}})
                                  .object();
        const QJsonObject d = c.value("deficiencies").toArray()[0].toObject();
        return {{"id", d.value("id")}, {"caseId", c.value("id")}, {"caseNumber", c.value("number")},
                {"materialName", d.value("materialName")}, {"status", d.value("status")}};
    }

    void checkSuppliedByScan(const QString &caseId, int pages)
    {
        const QJsonObject c = m_clerk->get("/api/v1/cases/" + caseId).object();
        const QJsonObject d = c.value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("supplied"));
        QCOMPARE(d.value("provided").toString(), QStringLiteral("scan"));
        const QJsonArray attachments = m_clerk->get("/api/v1/cases/" + caseId + "/attachments").object().value("items").toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments[0].toObject().value("id").toString(), d.value("attachmentId").toString());
        QCOMPARE(attachments[0].toObject().value("mediaType").toString(), QStringLiteral("application/pdf"));
        // One PDF of all the pages.
        const QByteArray pdf = m_clerk->get("/api/v1/cases/" + caseId + "/attachments/" + d.value("attachmentId").toString()
                                            + "/content").body;
        QFile file(m_dir.filePath(caseId + ".pdf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        QProcess info;
        info.start("pdfinfo", {file.fileName()});
        QVERIFY(info.waitForFinished(30000));
        const QString out = QString::fromUtf8(info.readAllStandardOutput() + info.readAllStandardError());
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))), qPrintable(out));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QVERIFY(useSaneTestDevice(m_sane.path()));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_clerk = std::make_unique<HttpClient>(m_server.baseUrl());
        QCOMPARE(m_clerk->signIn("clerk1").status, 201);
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "clerk1"));
    }

    void scanTwoPagesAndSupply()
    {
        const QJsonObject d = deficientCase();
        client::ScanDialog dialog(&m_api, d);
        dialog.show();
        QCOMPARE(unnamedInteractiveWidgets(&dialog), QStringList());
        auto *device = byAccessibleName<QComboBox>(&dialog, "Scanner");
        QTRY_VERIFY_WITH_TIMEOUT(device->count() > 0, 30000);
        QVERIFY(device->currentData().toString().startsWith("test:"));
        auto *scan = byAccessibleName<QPushButton>(&dialog, "Scan page");
        auto *send = byAccessibleName<QPushButton>(&dialog, "Upload and record");
        QVERIFY(!send->isEnabled()); // nothing to send yet
        for (int page = 1; page <= 2; ++page) {
            QTRY_VERIFY_WITH_TIMEOUT(scan->isEnabled(), 30000);
            QTest::mouseClick(scan, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.pageCount(), page, 60000);
        }
        QCOMPARE(byAccessibleName<QListWidget>(&dialog, "Pages")->count(), 2);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTRY_VERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(accepted.wait(60000));
        QCOMPARE(byAccessibleName<QProgressBar>(&dialog, "Upload progress")->value(), 100);
        checkSuppliedByScan(d.value("caseId").toString(), 2);
    }

    void aPdfOfTheRemainingPage()
    {
        // Scan two, remove one: the PDF holds what is left.
        const QJsonObject d = deficientCase();
        client::ScanDialog dialog(&m_api, d);
        dialog.show();
        auto *scan = byAccessibleName<QPushButton>(&dialog, "Scan page");
        QTRY_VERIFY_WITH_TIMEOUT(scan->isEnabled(), 30000);
        QTest::mouseClick(scan, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.pageCount(), 1, 60000);
        QTRY_VERIFY(scan->isEnabled());
        QTest::mouseClick(scan, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.pageCount(), 2, 60000);
        auto *list = byAccessibleName<QListWidget>(&dialog, "Pages");
        list->setCurrentRow(1);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Remove page"), Qt::LeftButton);
        QCOMPARE(dialog.pageCount(), 1);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, "Upload and record"), Qt::LeftButton);
        QVERIFY(accepted.wait(60000));
        checkSuppliedByScan(d.value("caseId").toString(), 1);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_ScanDialog)
#include "tst_scandialog.moc"
