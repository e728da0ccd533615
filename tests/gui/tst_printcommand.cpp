// `onewindow print`: a reprint without a window, the real client binary against a real server.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QBuffer>
#include <QImage>
#include <cmath>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_PrintCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_number;

    // `onewindow print` of the build (the housing fund plugin in its plugins folder), or `client`.
    QProcess *run(const QStringList &arguments, const QString &password = QStringLiteral("OneWindow-demo-1"),
                  const QString &client = QStringLiteral(ONEWINDOW_CLIENT_BINARY), const QString &pluginPath = {})
    {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ONEWINDOW_PASSWORD", password);
        env.insert("HOME", m_dir.path());
        env.remove("DISPLAY");
        env.remove("ONEWINDOW_PLUGIN_PATH");
        if (!pluginPath.isEmpty())
            env.insert("ONEWINDOW_PLUGIN_PATH", pluginPath);
        process->setProcessEnvironment(env);
        process->start(client, QStringList{"print"} + arguments);
        process->waitForFinished(60000);
        return process;
    }

    static QString pdfWords(const QString &pdf)
    {
        QProcess text;
        text.start("pdftotext", {pdf, "-"});
        text.waitForFinished(30000);
        return QString::fromUtf8(text.readAllStandardOutput()).remove(QRegularExpression("\\s"));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
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

    // The back office returns the case; the counter reprints the notice with every item.
    void printsTheNoticeToCorrect()
    {
        HttpClient approver(m_server.baseUrl());
        QCOMPARE(approver.signIn("approver-hf").status, 201);
        const QJsonArray found = approver.get("/api/v1/cases?number=" + m_number).object().value("items").toArray();
        QCOMPARE(found.size(), 1);
        const QString id = found[0].toObject().value("id").toString();
        const ApiReply returned = approver.post(
            "/api/v1/cases/" + id + "/decisions",
            toJson({{"matter", "HF-001"}, {"decision", "return_for_correction"},
                    {"reasons", QJsonArray{QStringLiteral("劳动合同缺少单位盖章")}}}),
            {{"If-Match", approver.get("/api/v1/cases/" + id).header("etag")}, {"Idempotency-Key", "print-return"}});
        QCOMPARE(returned.status, 200);
        const QString pdf = m_dir.filePath("return-notice.pdf");
        QProcess *p = run({"--case", m_number, "--document", "return-notice", "--output", pdf, "--server",
                           m_server.baseUrl(), "--user", "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QProcess text;
        text.start("pdftotext", {"-layout", pdf, "-"});
        QVERIFY(text.waitForFinished(30000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput()).remove(QRegularExpression("\\s"));
        QVERIFY2(content.contains(QStringLiteral("补正材料通知书")), qPrintable(content));
        QVERIFY(content.contains(QStringLiteral("劳动合同缺少单位盖章")));
        QVERIFY2(content.contains(QStringLiteral("2026年11月27日")), qPrintable(content));
    }

    // The housing fund plugin beside the client, as a build or an installation has it: an HF
    // case's acceptance notice is the fund's own, naming its 12329 hotline.
    void printsTheHousingFundPluginsAcceptanceNotice()
    {
        const QString pdf = m_dir.filePath("hf-acceptance.pdf");
        QProcess *p = run({"--case", m_number, "--document", "acceptance", "--output", pdf, "--server",
                           m_server.baseUrl(), "--user", "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QCOMPARE(QString::fromLocal8Bit(p->readAllStandardOutput()).trimmed(), pdf);
        const QString words = pdfWords(pdf);
        QVERIFY2(words.contains(QStringLiteral("住房公积金业务受理通知书")) && words.contains(m_number), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("住房公积金服务热线12329")));
        QVERIFY(!words.contains(QStringLiteral("行政许可法")));
        QVERIFY(!words.contains("11010519491231002X"));
    }

    // The same client without the plugin's file (alone in a folder): the built-in notice. A file
    // in the plugin path that is no plugin is said on stderr, and the paper still prints.
    void printsTheBuiltInNoticeWithoutThePlugin()
    {
        const QString bin = m_dir.filePath("bare/bin");
        QVERIFY(QDir().mkpath(bin));
        const QString client = bin + "/onewindow";
        QVERIFY(QFile::copy(QStringLiteral(ONEWINDOW_CLIENT_BINARY), client));
        QVERIFY(QFile::setPermissions(client, QFile::permissions(QStringLiteral(ONEWINDOW_CLIENT_BINARY))));
        const QString broken = m_dir.filePath("broken-plugins");
        QVERIFY(QDir().mkpath(broken));
        QFile notAPlugin(broken + "/libnotaplugin.so");
        QVERIFY(notAPlugin.open(QIODevice::WriteOnly));
        notAPlugin.write("This text file is named like a library but is not one.\n");
        notAPlugin.close();

        const QString pdf = m_dir.filePath("builtin-acceptance.pdf");
        QProcess *p = run({"--case", m_number, "--document", "acceptance", "--output", pdf, "--server",
                           m_server.baseUrl(), "--user", "clerk1"},
                          QStringLiteral("OneWindow-demo-1"), client, broken);
        const QByteArray errors = p->readAllStandardError();
        QVERIFY2(p->exitCode() == 0, errors.constData());
        QVERIFY2(errors.contains("libnotaplugin.so"), errors.constData());
        const QString words = pdfWords(pdf);
        QVERIFY2(words.contains(QStringLiteral("受理通知书")) && words.contains(m_number), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("《中华人民共和国行政许可法》第三十二条")));
        QVERIFY(!words.contains(QStringLiteral("住房公积金业务受理通知书")));
        QVERIFY(!words.contains(QStringLiteral("12329")));
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

    // --save-session keeps the session (readable by the user alone) for reprints without a password;
    // once the server has ended it, the command says so and forgets it.
    void savedSession()
    {
        const QString first = m_dir.filePath("first.pdf");
        QProcess *p = run({"--case", m_number, "--document", "acceptance", "--output", first, "--server",
                           m_server.baseUrl(), "--user", "clerk1", "--save-session"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QString file = m_dir.filePath(".local/share/OneWindow/onewindow/print-session.json");
        QVERIFY(QFile::exists(file));
        QCOMPARE(QFile(file).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        const QString second = m_dir.filePath("second.pdf");
        p = run({"--case", m_number, "--document", "material-receipt", "--output", second}, QString());
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QProcess text;
        text.start("pdftotext", {"-layout", second, "-"});
        QVERIFY(text.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(m_number));

        // Signed out on the server: the saved session is refused and removed.
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        HttpClient client(m_server.baseUrl());
        client.setToken(QJsonDocument::fromJson(saved.readAll()).object().value("token").toString());
        QCOMPARE(client.del("/api/v1/sessions/current").status, 204);
        p = run({"--case", m_number, "--document", "acceptance", "--output", m_dir.filePath("third.pdf")}, QString());
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(p->readAllStandardError().contains("has ended"));
        QVERIFY(!QFile::exists(file));
        p = run({"--case", m_number, "--document", "acceptance", "--output", m_dir.filePath("third.pdf")}, QString());
        QCOMPARE(p->exitCode(), 2);
    }

    // A real CUPS queue (cups-pdf, started by the test services): the job comes out as a PDF with the paper.
    void printsOnAPrinter()
    {
        const QString printer = qEnvironmentVariable("ONEWINDOW_TEST_PRINTER");
        const QString output = qEnvironmentVariable("ONEWINDOW_TEST_PRINTER_OUTPUT");
        if (printer.isEmpty() || output.isEmpty())
            QSKIP("no test printer: run through test.sh, which starts CUPS with a cups-pdf queue");
        QProcess *p = run({"--case", m_number, "--document", "no-such-paper", "--printer", printer, "--server",
                           m_server.baseUrl(), "--user", "clerk1"});
        QCOMPARE(p->exitCode(), 2);
        p = run({"--case", m_number, "--document", "acceptance", "--printer", "NoSuchPrinter", "--server",
                 m_server.baseUrl(), "--user", "clerk1"});
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(p->readAllStandardError().contains("no printer"));

        // Every demo server numbers its first case alike: what an earlier run left for it goes first.
        QDirIterator earlier(output, {"*.pdf"}, QDir::Files);
        while (earlier.hasNext()) {
            const QString path = earlier.next();
            if (path.contains(m_number))
                QFile::remove(path);
        }
        p = run({"--case", m_number, "--document", "acceptance", "--printer", printer, "--server", m_server.baseUrl(),
                 "--user", "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        // cups-pdf names the file after the job's title, which names the case.
        QString printed;
        QElapsedTimer waited;
        waited.start();
        while (printed.isEmpty() && waited.elapsed() < 60000) {
            QDirIterator it(output, {"*.pdf"}, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(m_number) && QFileInfo(path).size() > 0)
                    printed = path;
            }
            QTest::qWait(200);
        }
        QVERIFY2(!printed.isEmpty(), qPrintable("nothing for " + m_number + " in " + output));
        QTest::qWait(500); // the backend finishes writing
        // The print path re-renders the fonts (Ghostscript), so the text is not extractable; what came
        // out is checked as paper is: A4, and the QR code on it scans to the case number.
        QProcess info;
        info.start("pdfinfo", {printed});
        QVERIFY(info.waitForFinished(30000));
        const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(infoText.contains(QRegularExpression("Page size:\\s+595(\\.\\d+)? x 84[12]")), qPrintable(infoText));
        QProcess raster;
        raster.start("pdftoppm", {"-r", "150", "-png", "-f", "1", "-l", "1", printed, m_dir.filePath("printed")});
        QVERIFY(raster.waitForFinished(60000));
        QString page;
        for (const QString &candidate : QDir(m_dir.path()).entryList({"printed*.png"}))
            page = m_dir.filePath(candidate);
        QVERIFY(!page.isEmpty());
        QProcess zbar;
        zbar.start("zbarimg", {"-q", "--raw", page});
        QVERIFY(zbar.waitForFinished(30000));
        QVERIFY2(QString::fromUtf8(zbar.readAllStandardOutput()).contains(m_number), "the QR code does not scan");
        QFile::remove(printed);
    }

    // The result of a case: the built-in notice names the certificate and how to collect it; the
    // restaurant bundle's is the market regulation plugin's combined industry licence, one paper
    // that stands for the food-business licence and the shop-sign filing.
    void printsTheResult()
    {
        HttpClient clerk(m_server.baseUrl()), hf(m_server.baseUrl()), mr(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        QCOMPARE(hf.signIn("approver-hf").status, 201);
        QCOMPARE(mr.signIn("approver-mr").status, 201);
        const auto numberOf = [&](const QString &id) { return clerk.get("/api/v1/cases/" + id).object().value("number").toString(); };

        // Before the result is recorded: said clearly, nothing written.
        const QString early = m_dir.filePath("early-result.pdf");
        QProcess *p = run({"--case", m_number, "--document", "result", "--output", early, "--server", m_server.baseUrl(),
                           "--user", "clerk1"});
        QCOMPARE(p->exitCode(), 1);
        QVERIFY2(p->readAllStandardError().contains("has no result yet"), "no clear refusal");
        QVERIFY(!QFile::exists(early));

        const QString housing = numberOf(resultReadySampleCase(clerk, hf, "HF-002", QStringLiteral("苏公积金证字第0077号")));
        QString pdf = m_dir.filePath("result-hf.pdf");
        p = run({"--case", housing, "--document", "result", "--output", pdf, "--server", m_server.baseUrl(), "--user",
                 "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QString words = pdfWords(pdf);
        QVERIFY2(words.contains(QStringLiteral("办理结果通知书")) && words.contains(housing), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("2026年11月27日核发证照，证照编号苏公积金证字第0077号")));
        QVERIFY(words.contains(QStringLiteral("任一综合窗口领取办理结果")));
        QVERIFY(!words.contains(QStringLiteral("行业综合许可证")));

        const QString restaurant
            = numberOf(resultReadySampleCase(clerk, mr, "B-OPEN-RESTAURANT", QStringLiteral("JY23205090012345")));
        pdf = m_dir.filePath("result-restaurant.pdf");
        p = run({"--case", restaurant, "--document", "result", "--output", pdf, "--server", m_server.baseUrl(), "--user",
                 "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        words = pdfWords(pdf);
        QVERIFY2(words.contains(QStringLiteral("行业综合许可证（餐饮服务）")), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("许可证编号：JY23205090012345")));
        QVERIFY(words.contains(QStringLiteral("食品经营许可（MR-002）店招标牌设置备案（MR-003）")));
        QVERIFY(words.contains(QStringLiteral("不再另行核发食品经营许可证和店招标牌设置备案回执")));
        QVERIFY(words.contains(restaurant));
        QVERIFY(words.contains(QStringLiteral("经营者名称盛泽测试")));
        QVERIFY(words.contains(QStringLiteral("2026年11月27日")));
        QVERIFY(!words.contains(QStringLiteral("办理结果通知书")));
        QVERIFY(!words.contains("19491231"));
    }

    // A result handed out: the receipt names the case, the result, the recipient (ID number
    // masked), the time, and carries the signature given on the pad.
    void printsTheDeliveryReceipt()
    {
        HttpClient clerk(m_server.baseUrl()), approver(m_server.baseUrl());
        QCOMPARE(clerk.signIn("clerk1").status, 201);
        QCOMPARE(approver.signIn("approver-hf").status, 201);
        const QJsonObject body{
            {"matters", QJsonArray{"HF-001"}},
            {"applicant", QJsonObject{{"kind", "person"}, {"name", QStringLiteral("张三")},
                                      {"idNumber", "11010519491231002X"}, {"phone", "13800138000"}}},
            {"center", "SZ"},
            {"form", QJsonObject{{"applicant_name", QStringLiteral("张三")}, {"applicant_id_number", "11010519491231002X"},
                                 {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽纺织")}, {"deposit_base", "5000"}}},
            {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "e_license"}},
                                     QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", "paper"}}}}};
        const ApiReply created = clerk.post("/api/v1/cases", toJson(body), {{"Idempotency-Key", "print-delivery"}});
        QCOMPARE(created.status, 201);
        const QString id = created.object().value("id").toString();
        const QString number = created.object().value("number").toString();
        const auto etag = [&](HttpClient &c) { return c.get("/api/v1/cases/" + id).header("etag"); };
        QCOMPARE(approver.post("/api/v1/cases/" + id + "/decisions", toJson({{"matter", "HF-001"}, {"decision", "approve"}}),
                               {{"If-Match", etag(approver)}, {"Idempotency-Key", "print-delivery-approve"}}).status, 200);
        QCOMPARE(approver.post("/api/v1/cases/" + id + "/result",
                               toJson({{"certificateNumber", QStringLiteral("苏公积金证字第0042号")}, {"issuedOn", "2026-11-27"}}),
                               {{"If-Match", etag(approver)}, {"Idempotency-Key", "print-delivery-result"}}).status, 200);
        const QString pdf = m_dir.filePath("delivery-receipt.pdf");
        // Not handed out yet: said clearly.
        QProcess *early = run({"--case", number, "--document", "delivery-receipt", "--output", pdf, "--server",
                               m_server.baseUrl(), "--user", "clerk1"});
        QCOMPARE(early->exitCode(), 1);
        QVERIFY2(early->readAllStandardError().contains("has not been handed out"), "no clear refusal");

        // The signature pad's strokes, as an image attached to the case.
        QImage strokes(240, 80, QImage::Format_RGB32);
        strokes.fill(Qt::white);
        for (int x = 20; x < 220; ++x)
            strokes.setPixel(x, 40 + int(15 * std::sin(x / 12.0)), qRgb(0, 0, 0));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        strokes.save(&buffer, "PNG");
        const ApiReply signature = clerk.post("/api/v1/cases/" + id + "/attachments?filename=signature.png", png,
                                              {{"Idempotency-Key", "print-delivery-signature"}, {"Content-Type", "image/png"}});
        QCOMPARE(signature.status, 201);
        const ApiReply delivered = clerk.post(
            "/api/v1/cases/" + id + "/delivery",
            toJson({{"recipient", QJsonObject{{"kind", "applicant"}, {"name", QStringLiteral("张三")},
                                             {"idNumber", "11010519491231002X"}}},
                    {"signature", signature.object().value("id").toString()}}),
            {{"If-Match", etag(clerk)}, {"Idempotency-Key", "print-delivery-deliver"}});
        QCOMPARE(delivered.status, 200);

        QProcess *p = run({"--case", number, "--document", "delivery-receipt", "--output", pdf, "--server",
                           m_server.baseUrl(), "--user", "clerk1"});
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QProcess text;
        text.start("pdftotext", {pdf, "-"});
        QVERIFY(text.waitForFinished(30000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput()).remove(QRegularExpression("\\s"));
        QVERIFY2(content.contains(QStringLiteral("出件签收单")) && content.contains(number), qPrintable(content));
        QVERIFY(content.contains(QStringLiteral("苏公积金证字第0042号")));
        QVERIFY(content.contains(QStringLiteral("张三（申请人本人，身份证号码：110105********002X）")));
        QVERIFY(!content.contains("19491231"));
        QVERIFY2(content.contains(QStringLiteral("窗口领取")) && content.contains(QStringLiteral("2026年11月27日")),
                 qPrintable(content));
        // Two pictures: the case's QR code and the signature.
        QProcess images;
        images.start("pdfimages", {"-list", pdf});
        QVERIFY(images.waitForFinished(30000));
        const QString list = QString::fromUtf8(images.readAllStandardOutput());
        QCOMPARE(list.count(QRegularExpression("\\n\\s+1\\s+\\d+\\s+image")), 2);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_PrintCommand)
#include "tst_printcommand.moc"
