// The papers of an intake, from a real case on a real server, read back as the applicant gets
// them: the PDF's text (pdftotext), its page size and fonts (pdfinfo, pdffonts), its first page
// as an image and the QR code on it (pdftoppm, zbarimg).
#include "documentrenderer.h"
#include "apisignin.h"
#include "pdfunicode.h"
#include "phrases.h"
#include "printdocument.h"
#include "qrcode.h"
#include "templateengine.h"

#include "models/apiclient.h"
#include "registries.h"
#include "serverprocess.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using namespace onewindow::printing;

namespace {

const QString kFullId = QStringLiteral("11010519491231002X");
const QString kMaskedId = QStringLiteral("110105********002X");
const QString kDueDate = QStringLiteral("2026年12月4日"); // LABOR_CONTRACT: 5 working days after Fri 27 Nov

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        result.err = program + QStringLiteral(" did not finish: ") + process.errorString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

/// Text without any white space: what a paragraph says, however pdftotext broke its lines.
QString squeezed(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

} // namespace

class tst_DocumentRenderer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::ApiClient m_api;
    QString m_clerkName;
    QJsonObject m_case;          ///< HF-001, labour contract deficient, as GET /cases/{id} returns it
    QJsonArray m_matters;        ///< HF-001 and HF-002 from the catalog
    QJsonObject m_refusedIntake; ///< the refused HF-002 intake, Case-shaped, with the full ID number
    QList<MissingItem> m_missing; ///< the server's materials_incomplete list for it

    models::ApiResponse wait(const std::function<void(models::ApiClient::Callback)> &call)
    {
        models::ApiResponse response;
        bool done = false;
        call([&](const models::ApiResponse &r) {
            response = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            response.status = -1;
        return response;
    }

    static Office office()
    {
        return {QStringLiteral("盛泽镇行政审批局"), QStringLiteral("综合受理窗口3号"), QStringLiteral("0512-6350 0000"),
                QStringLiteral("吴江区盛泽镇政务服务中心一楼"), QStringLiteral("苏州市吴江区人民政府"),
                QStringLiteral("苏州市吴江区人民法院")};
    }

    PrintInput caseInput() const
    {
        PrintInput input;
        input.caseObject = m_case;
        input.office = office();
        input.clerkName = m_clerkName;
        input.matterDetails = m_matters;
        return input;
    }

    QString pdfPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".pdf")); }

    static QString pdfText(const QString &pdf, bool firstPageOnly = false)
    {
        QStringList arguments{QStringLiteral("-layout")};
        if (firstPageOnly)
            arguments << QStringLiteral("-f") << QStringLiteral("1") << QStringLiteral("-l") << QStringLiteral("1");
        const Run r = run(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
        return r.exitCode == 0 ? r.out : QString();
    }

    /// What zbarimg reads on the first page rendered at 150 dpi; empty when it finds no code.
    QString codesOnFirstPage(const QString &pdf) const
    {
        const QString prefix = pdf.chopped(4) + QStringLiteral("-page-1");
        const Run image = run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"),
            QStringLiteral("-png"), QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
            QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, prefix});
        if (image.exitCode != 0)
            return QStringLiteral("pdftoppm failed: ") + image.err;
        const Run scan = run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), prefix + QStringLiteral(".png")});
        return scan.out.trimmed();
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"pdftotext", "pdftoppm", "pdfinfo", "pdffonts", "zbarimg"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: install poppler-utils and zbar-tools").arg(QLatin1String(tool))));
        QVERIFY(m_dir.isValid());
        // ONEWINDOW_KEEP_PRINTS=1 keeps the PDFs and page images to look at.
        if (qEnvironmentVariableIntValue("ONEWINDOW_KEEP_PRINTS")) {
            m_dir.setAutoRemove(false);
            qInfo("papers kept in %s", qPrintable(m_dir.path()));
        }

        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        const auto clerk = signInAndWait(m_api, "clerk1");
        QVERIFY(clerk);
        m_clerkName = clerk->displayName;

        // HF-001 with the labour contract deficient: accepted with deficiency.
        const QJsonObject applicant{{"kind", "person"}, {"name", QStringLiteral("王五")}, {"idNumber", kFullId},
                                    {"phone", "13800138000"}};
        const QJsonObject intake{
            {"matters", QJsonArray{"HF-001"}}, {"applicant", applicant}, {"center", "SZ"}, {"channel", "counter"},
            {"form", QJsonObject{{"applicant_name", QStringLiteral("王五")}, {"applicant_id_number", kFullId},
                                 {"phone", "13800138000"}, {"company_name", QStringLiteral("盛泽丝绸")}, {"deposit_base", "6000"}}},
            {"materials", QJsonArray{QJsonObject{{"code", "ID_CARD"}, {"provided", "paper"}},
                                     QJsonObject{{"code", "LABOR_CONTRACT"}, {"provided", "deficient"}}}}};
        const auto created = wait([&](auto done) { m_api.create("/cases", intake, done); });
        QCOMPARE(created.status, 201);
        const auto read = wait([&](auto done) { m_api.get("/cases/" + created.object().value("id").toString(), done); });
        QCOMPARE(read.status, 200);
        m_case = read.object();
        QCOMPARE(m_case.value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        QVERIFY(m_case.value("number").toString().startsWith("SZ-20261127-"));

        for (const char *matter : {"HF-001", "HF-002"}) {
            const auto r = wait([&](auto done) { m_api.get(QStringLiteral("/matters/") + QLatin1String(matter), done); });
            QCOMPARE(r.status, 200);
            m_matters.append(r.object());
        }

        // HF-002 without a single material: refused with the one-time notice's list.
        QJsonObject refused = intake;
        refused["matters"] = QJsonArray{"HF-002"};
        refused["form"] = QJsonObject{{"applicant_name", QStringLiteral("王五")}, {"applicant_id_number", kFullId},
            {"phone", "13800138000"}, {"withdrawal_reason", QStringLiteral("购房")}, {"withdrawal_amount", "50000"},
            {"bank_name", QStringLiteral("中国工商银行")}, {"bank_account", "6222020000000000000"}};
        refused["materials"] = QJsonArray{};
        const auto answer = wait([&](auto done) { m_api.create("/cases", refused, done); });
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.error.code, QStringLiteral("materials_incomplete"));
        m_missing = MissingItem::fromApiError(answer.error);
        QCOMPARE(m_missing.size(), 3); // ID card, bank card, purchase contract
        // What the client has of a refused intake: no number, the full ID number as typed.
        m_refusedIntake = QJsonObject{{"matters", QJsonArray{QJsonObject{{"code", "HF-002"}}}}, {"applicant", applicant},
                                      {"center", "SZ"}, {"channel", "counter"}, {"materials", QJsonArray{}}};
    }

    void templatesAreFilled()
    {
        TemplateData data;
        data.setText("name", QStringLiteral("<王&五>"));
        data.setText("empty", QString());
        data.setHtml("mark", "<b>x</b>");
        data.setFlag("on", true);
        data.setFlag("off", false);
        data.setList("rows", {{{"name", "a"}}, {{"name", "b<"}}}, "[{{#rows}}{{index}}={{name}};{{/rows}}]");
        data.setList("none", {});
        QStringList problems;
        QCOMPARE(fillTemplate("{{name}}|{{ mark }}|{{rows}}|{{#on}}1{{/on}}{{#off}}2{{/off}}{{^off}}3{{/off}}"
                              "|{{^none}}empty{{/none}}{{#none}}x{{/none}}|{{#empty}}e{{/empty}}{{^empty}}E{{/empty}}"
                              "|{{#rows}}{{#rows}}n{{/rows}}{{/rows}}",
                              data, &problems),
                 QStringLiteral("&lt;王&amp;五&gt;|<b>x</b>|[1=a;2=b&lt;;]|13|empty|E|nnnn"));
        QVERIFY(problems.isEmpty());

        // Unknown names print nothing and are reported; so is a section never closed.
        QCOMPARE(fillTemplate("a{{nobody}}b{{#nobody}}c{{/nobody}}d", data, &problems), QStringLiteral("abd"));
        QCOMPARE(problems, (QStringList{"unknown {{nobody}}", "unknown {{#nobody}}"}));
        problems.clear();
        QCOMPARE(fillTemplate("a{{#rows}}b", data, &problems), QStringLiteral("a"));
        QCOMPARE(problems.size(), 1);
        // A partial that includes itself stops.
        TemplateData loop;
        loop.setList("self", {}, "x{{self}}");
        problems.clear();
        QCOMPARE(fillTemplate("{{self}}", loop, &problems), QStringLiteral("xxxxxxxx"));
        QCOMPARE(problems, QStringList{"{{self}} includes itself"});
    }

    void datesAndLimitsInChinese()
    {
        const Phrases &p = Phrases::instance();
        QCOMPARE(p.date(QDate(2026, 11, 27)), QStringLiteral("2026年11月27日"));
        QCOMPARE(p.date(QDate(2026, 12, 4)), kDueDate);
        QCOMPARE(p.dateTime(QDateTime::fromString("2026-11-27T09:05:00+08:00", Qt::ISODate)),
                 QStringLiteral("2026年11月27日 09:05"));
        QCOMPARE(p.workingDays(1), QStringLiteral("1个工作日"));
        QCOMPARE(p.workingDays(0.5), QStringLiteral("0.5个工作日"));
        QCOMPARE(p.workingDays(20), QStringLiteral("20个工作日"));
        QCOMPARE(p.phrase("provided", "e_license"), QStringLiteral("电子证照"));
        QCOMPARE(p.phrase("provided", "carrier_pigeon"), QStringLiteral("carrier_pigeon"));
        QCOMPARE(printDocumentCode(PrintDocument::OneTimeNotice), QStringLiteral("one-time-notice"));
        QCOMPARE(printDocumentFromCode("material-receipt"), std::optional(PrintDocument::MaterialReceipt));
        QVERIFY(!printDocumentFromCode("receipt"));
        QCOMPARE(allPrintDocuments().size(), 12);
        QCOMPARE(casePrintDocuments().size(), 11);
        QVERIFY(!casePrintDocuments().contains(PrintDocument::TransferManifest));
        QCOMPARE(intakePrintDocuments().size(), 5);
        QVERIFY(!intakePrintDocuments().contains(PrintDocument::DeliveryReceipt));
        QVERIFY(!intakePrintDocuments().contains(PrintDocument::Result));
        QCOMPARE(printDocumentFromCode("result"), std::optional(PrintDocument::Result));
        QCOMPARE(printDocumentFromCode("delivery-receipt"), std::optional(PrintDocument::DeliveryReceipt));
        QVERIFY(!intakePrintDocuments().contains(PrintDocument::ReturnNotice));
        QCOMPARE(printDocumentFromCode("return-notice"), std::optional(PrintDocument::ReturnNotice));
        QVERIFY(!intakePrintDocuments().contains(PrintDocument::Reminder));
        QCOMPARE(printDocumentFromCode("reminder"), std::optional(PrintDocument::Reminder));
    }

    void qrCodeIsOneBitWithQuietZone()
    {
        const QImage image = qrCodeImage(m_case.value("number").toString(), 12);
        QCOMPARE(image.format(), QImage::Format_Mono);
        QCOMPARE(image.width(), image.height());
        QCOMPARE(image.width() % 12, 0);
        // 21 modules and four more a version, and four modules of quiet zone on each side.
        const int modules = image.width() / 12 - 8;
        QVERIFY(modules >= 21 && (modules - 21) % 4 == 0);
        QCOMPARE(image.pixelIndex(0, 0), 0);
        QCOMPARE(image.pixelIndex(4 * 12, 4 * 12), 1); // the finder pattern's corner
        QVERIFY(qrCodeImage(QString(), 12).isNull());
    }

    void radicalsBecomeIdeographsInThePdfText()
    {
        QCOMPARE(ideographForRadical(0x2F8F), char32_t(0x884C)); // ⾏ 行
        QCOMPARE(ideographForRadical(0x2F00), char32_t(0x4E00)); // ⼀ 一
        QCOMPARE(ideographForRadical(0x2EEC), char32_t(0x9F50)); // ⻬ 齐, no Unicode decomposition
        QCOMPARE(ideographForRadical(0x884C), char32_t(0));
        QByteArray cmap("begincmap\n2 beginbfrange\n<0001> <0003> [<76DB> <2F8F> <2EEC>]\n<0004> <0004> <2F00>\n"
                        "<0005> <0006> <2F01>\nendbfrange\n1 beginbfchar\n<0007> <2F45>\nendbfchar\nendcmap\n<2F8F>");
        const qsizetype size = cmap.size();
        QCOMPARE(repairRadicalsInToUnicodeMaps(cmap), 4);
        QCOMPARE(cmap.size(), size);
        QCOMPARE(cmap, QByteArray("begincmap\n2 beginbfrange\n<0001> <0003> [<76DB> <884C> <9F50>]\n<0004> <0004> <4E00>\n"
                                  "<0005> <0006> <2F01>\nendbfrange\n1 beginbfchar\n<0007> <65B9>\nendbfchar\nendcmap\n<2F8F>"));
    }

    void papersOfTheCase_data()
    {
        QTest::addColumn<PrintDocument>("document");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("mustSay");
        QTest::newRow("acceptance") << PrintDocument::Acceptance << QStringLiteral("受理通知书")
            << QStringList{"免费", "1个工作日", "20个工作日", "沈佳怡", "承诺办结日期", "2026年11月30日", "扫码查询办理进度",
                           "申请人（签名）", "（盖章）", "第三十二条"};
        QTest::newRow("commitment") << PrintDocument::Commitment << QStringLiteral("容缺受理承诺书")
            << QStringList{"终止办理", "3个工作日", "不出具、不发放办理结果", "未履行容缺承诺", "承诺人", "受理人：沈佳怡"};
        QTest::newRow("one-time-notice") << PrintDocument::OneTimeNotice << QStringLiteral("一次性告知书")
            << QStringList{"《中华人民共和国行政许可法》第三十二条", "容缺受理，尚未补交", "申请人签收"};
        QTest::newRow("non-acceptance") << PrintDocument::NonAcceptance << QStringLiteral("不予受理通知书")
            << QStringList{"第三十二条", "不属于个人申请事项。", "请向所在单位的住房公积金经办人提出", "苏州市吴江区人民政府",
                           "行政复议", "苏州市吴江区人民法院", "行政诉讼", "六十日内", "六个月内", "已全部退还"};
        QTest::newRow("material-receipt") << PrintDocument::MaterialReceipt << QStringLiteral("材料接收凭证")
            << QStringList{"纸质（原件已核验）", "已退还", "无原件", "留存复印件", "提交人（签名）", "接收人：沈佳怡"};
    }

    void papersOfTheCase()
    {
        QFETCH(PrintDocument, document);
        QFETCH(QString, title);
        QFETCH(QStringList, mustSay);
        DocumentRenderer renderer;
        PrintInput input = caseInput();
        if (document == PrintDocument::NonAcceptance) {
            input.reason = QStringLiteral("该单位职工的缴存登记由单位经办，不属于个人申请事项。");
            input.referral = QStringLiteral("所在单位的住房公积金经办人");
        }
        const QString pdf = pdfPath(printDocumentCode(document));
        QVERIFY2(renderer.renderPdf(document, input, pdf), qPrintable(renderer.errorString()));
        QVERIFY2(renderer.templateProblems().isEmpty(), qPrintable(renderer.templateProblems().join(", ")));

        const QString number = m_case.value("number").toString();
        const QString firstPage = squeezed(pdfText(pdf, true));
        QVERIFY2(firstPage.contains(title), qPrintable(firstPage));
        QVERIFY(firstPage.contains(number));
        const QString text = squeezed(pdfText(pdf));
        for (const QJsonValue &material : m_case.value("materials").toArray())
            QVERIFY2(text.contains(material.toObject().value("name").toString()), qPrintable(text));
        QVERIFY2(text.contains(kDueDate), qPrintable(text));
        QVERIFY(text.contains(kMaskedId));
        QVERIFY(!text.contains(kFullId));
        QVERIFY(!text.contains("19491231"));
        QVERIFY(text.contains(QStringLiteral("盛泽镇行政审批局")));
        for (const QString &words : mustSay)
            QVERIFY2(text.contains(words), qPrintable(words + " not in: " + text));

        // One A4 sheet, set in the CJK font (not boxes), and a QR code that reads the number.
        const QString info = run("pdfinfo", {pdf}).out;
        QVERIFY2(info.contains("(A4)"), qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression("Pages:\\s+1\\n")), qPrintable(info));
        const QString fonts = run("pdffonts", {pdf}).out;
        QVERIFY2(fonts.contains("NotoSansCJK", Qt::CaseInsensitive), qPrintable(fonts));
        QCOMPARE(codesOnFirstPage(pdf), number);
    }

    // The reminder letter lists only what is still owed, with its date and what follows.
    void reminderLetter()
    {
        DocumentRenderer renderer;
        const QString pdf = pdfPath("reminder");
        QVERIFY2(renderer.renderPdf(PrintDocument::Reminder, caseInput(), pdf), qPrintable(renderer.errorString()));
        QVERIFY2(renderer.templateProblems().isEmpty(), qPrintable(renderer.templateProblems().join(", ")));
        const QString number = m_case.value("number").toString();
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("容缺材料补正提醒函")), qPrintable(text));
        QVERIFY(text.contains(number));
        QVERIFY2(text.contains(QStringLiteral("劳动合同")) && text.contains(kDueDate), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("终止办理")));
        QVERIFY(text.contains(QStringLiteral("请忽略本函")));
        QVERIFY2(!text.contains(QStringLiteral("居民身份证")), "a material already handed in is not owed");
        QVERIFY(run("pdfinfo", {pdf}).out.contains("(A4)"));
        QCOMPARE(codesOnFirstPage(pdf), number);

        // Once everything came, the letter says so rather than listing nothing.
        PrintInput settled = caseInput();
        QJsonArray deficiencies = settled.caseObject.value("deficiencies").toArray();
        for (auto &&d : deficiencies) {
            QJsonObject o = d.toObject();
            o.insert("status", "supplied");
            d = o;
        }
        settled.caseObject.insert("deficiencies", deficiencies);
        const QString done = pdfPath("reminder-settled");
        QVERIFY(renderer.renderPdf(PrintDocument::Reminder, settled, done));
        QVERIFY(squeezed(pdfText(done)).contains(QStringLiteral("材料已全部补齐")));
    }

    // The back office's return: every department's items at once, numbered, with the case.
    void returnNotice()
    {
        PrintInput input = caseInput();
        // The returned parts' reasons, named by matter; approved and pending parts list nothing.
        const QList<models::CasePart> parts{
            {"HF-001", "HF", "returned", "approver-hf", {}, {QStringLiteral("劳动合同缺少单位盖章"), QStringLiteral("缴存基数与合同不符")}, {}},
            {"MR-001", "MR", "approved", "approver-mr", {}, {}, {}}};
        input.missing = MissingItem::fromReturnedParts(input.caseObject, parts);
        QCOMPARE(input.missing.size(), 2);
        QVERIFY2(input.missing[0].name.startsWith("HF-001 ") && input.missing[0].name.size() > 7,
                 qPrintable(input.missing[0].name));
        QCOMPARE(input.missing[1].reason, QStringLiteral("缴存基数与合同不符"));
        input.date = QDate(2026, 12, 2);
        DocumentRenderer renderer;
        const QString pdf = pdfPath("return-notice");
        QVERIFY2(renderer.renderPdf(PrintDocument::ReturnNotice, input, pdf), qPrintable(renderer.errorString()));
        QVERIFY2(renderer.templateProblems().isEmpty(), qPrintable(renderer.templateProblems().join(", ")));
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("补正材料通知书")), qPrintable(text));
        QVERIFY(text.contains(m_case.value("number").toString()));
        QVERIFY2(text.contains(QStringLiteral("共2项")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("劳动合同缺少单位盖章")) && text.contains(QStringLiteral("缴存基数与合同不符")));
        QVERIFY2(text.contains(QStringLiteral("2026年12月2日")), qPrintable(text));
        QVERIFY(!text.contains("11010519491231002X"));
        QVERIFY(run("pdfinfo", {pdf}).out.contains("(A4)"));
    }

    // The back office's papers for the applicant: every rejected part's reason with where to
    // appeal; every condition of a simulated approval.
    void decisionPapers_data()
    {
        QTest::addColumn<PrintDocument>("document");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("says");
        QTest::newRow("rejection") << PrintDocument::Rejection << QStringLiteral("不予许可决定书")
                                   << QStringLiteral("申请行政复议");
        QTest::newRow("simulated-approval") << PrintDocument::SimulatedApproval << QStringLiteral("模拟审批意见书")
                                            << QStringLiteral("不作为正式许可文件");
    }
    void decisionPapers()
    {
        QFETCH(PrintDocument, document);
        QFETCH(QString, title);
        QFETCH(QString, says);
        PrintInput input = caseInput();
        const QList<models::CasePart> parts{
            {"HF-001", "HF", "rejected", "approver-hf", {}, {QStringLiteral("申请人不符合法定条件"), QStringLiteral("缴存基数低于最低标准")}, {}},
            {"MR-001", "MR", "approved_simulated", "approver-mr", {}, {}, {QStringLiteral("取得环评批复"), QStringLiteral("消防验收合格"), QStringLiteral("取得施工许可")}},
            {"PS-001", "PS", "approved", "approver-ps", {}, {}, {}}};
        input.missing = MissingItem::fromDecidedParts(document, input.caseObject, parts);
        QCOMPARE(input.missing.size(), document == PrintDocument::Rejection ? 2 : 3);
        QVERIFY(input.missing[0].name.startsWith(document == PrintDocument::Rejection ? "HF-001 " : "MR-001"));
        input.date = QDate(2026, 12, 3);
        DocumentRenderer renderer;
        const QString pdf = pdfPath(printDocumentCode(document));
        QVERIFY2(renderer.renderPdf(document, input, pdf), qPrintable(renderer.errorString()));
        QVERIFY2(renderer.templateProblems().isEmpty(), qPrintable(renderer.templateProblems().join(", ")));
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(title) && text.contains(says), qPrintable(text));
        QVERIFY(text.contains(m_case.value("number").toString()));
        for (const MissingItem &m : std::as_const(input.missing))
            QVERIFY2(text.contains(squeezed(m.reason)), qPrintable(m.reason + " not in: " + text));
        QVERIFY2(text.contains(QStringLiteral("共%1项").arg(input.missing.size())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("经办人")) && text.contains(QStringLiteral("2026年12月3日")), qPrintable(text));
        QVERIFY(!text.contains(kFullId));
        QVERIFY(!intakePrintDocuments().contains(document));
        QCOMPARE(printDocumentFromCode(printDocumentCode(document)), std::optional(document));
    }

    // A refusal on record prints from its case: the number, the reason and note, every item
    // (a missing material, a form problem named by its label).
    void refusalOnRecord_data()
    {
        QTest::addColumn<PrintDocument>("document");
        QTest::newRow("one-time-notice") << PrintDocument::OneTimeNotice;
        QTest::newRow("non-acceptance") << PrintDocument::NonAcceptance;
    }
    void refusalOnRecord()
    {
        QFETCH(PrintDocument, document);
        QJsonObject body{
            {"matters", QJsonArray{"HF-002"}},
            {"applicant", QJsonObject{{"kind", "person"}, {"name", QStringLiteral("王五")}, {"idNumber", kFullId},
                                      {"phone", "13800138000"}}},
            {"center", "SZ"},
            {"form", QJsonObject{{"applicant_name", QStringLiteral("王五")}, {"applicant_id_number", kFullId}}},
            {"materials", QJsonArray{}},
            {"refusal", QJsonObject{{"kind", document == PrintDocument::OneTimeNotice ? "one_time_notice" : "non_acceptance"},
                                    {"reason", document == PrintDocument::OneTimeNotice ? "NA02" : "NA04"},
                                    {"note", QStringLiteral("已当面告知")}}}};
        const auto created = wait([&](auto done) { m_api.create("/cases", body, done); });
        QCOMPARE(created.status, 201);
        const QJsonObject refused = created.object();
        QCOMPARE(refused.value("status").toString(), QStringLiteral("not_accepted"));
        const QList<MissingItem> items = MissingItem::fromRefusal(refused.value("refusal").toObject());
        QVERIFY(items.size() >= 4); // three materials, and the form's empty required fields
        QVERIFY(std::any_of(items.begin(), items.end(), [](const MissingItem &m) { return m.reason == "field_required"; }));
        PrintInput input;
        input.caseObject = refused;
        input.office = office();
        input.matterDetails = m_matters;
        DocumentRenderer renderer;
        const QString pdf = pdfPath(QStringLiteral("recorded-") + printDocumentCode(document));
        QVERIFY2(renderer.renderPdf(document, input, pdf), qPrintable(renderer.errorString()));
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("受理编号：") + refused.value("number").toString()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("已当面告知")), qPrintable(text));
        if (document == PrintDocument::NonAcceptance)
            QVERIFY2(text.contains(QStringLiteral("申请人不具备申请资格")), qPrintable(text));
        for (const MissingItem &m : items) {
            if (!m.reason.startsWith("field_")) // materials by name; the form's fields below
                QVERIFY2(text.contains(squeezed(m.name)), qPrintable(m.name + " not in: " + text));
        }
        QVERIFY2(text.contains(QStringLiteral("共%1项").arg(items.size())) || document == PrintDocument::NonAcceptance,
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("提取原因申请表该项未填写")));
        QVERIFY2(text.contains(document == PrintDocument::OneTimeNotice ? QStringLiteral("告知人") : QStringLiteral("经办人")),
                 qPrintable(text));
        QVERIFY(!text.contains(kFullId));
        QCOMPARE(codesOnFirstPage(pdf), refused.value("number").toString()); // the QR code of the case
    }

    void noticesOfARefusedIntake_data()
    {
        QTest::addColumn<PrintDocument>("document");
        QTest::addColumn<QString>("title");
        QTest::newRow("one-time-notice") << PrintDocument::OneTimeNotice << QStringLiteral("一次性告知书");
        QTest::newRow("non-acceptance") << PrintDocument::NonAcceptance << QStringLiteral("不予受理通知书");
    }

    void noticesOfARefusedIntake()
    {
        QFETCH(PrintDocument, document);
        QFETCH(QString, title);
        PrintInput input;
        input.caseObject = m_refusedIntake;
        input.office = office();
        input.clerkName = m_clerkName;
        input.matterDetails = m_matters;
        input.missing = m_missing;
        input.date = QDate(2026, 11, 27);
        DocumentRenderer renderer;
        const QString pdf = pdfPath(QStringLiteral("refused-") + printDocumentCode(document));
        QVERIFY2(renderer.renderPdf(document, input, pdf), qPrintable(renderer.errorString()));
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(title), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("住房公积金提取"))); // the name, from the catalog
        QVERIFY(text.contains(QStringLiteral("2026年11月27日")));
        QVERIFY(text.contains(QStringLiteral("第三十二条")));
        for (const MissingItem &m : std::as_const(m_missing)) {
            QVERIFY2(text.contains(m.name), qPrintable(m.name + " not in: " + text));
            QVERIFY(text.contains(Phrases::instance().phrase("problems", m.reason)));
        }
        // The intake carried the full ID number: only the masked one reaches the paper.
        QVERIFY(text.contains(kMaskedId));
        QVERIFY(!text.contains(kFullId));
        QVERIFY(!text.contains("19491231"));
        // No case number, so no QR code.
        QVERIFY(!text.contains(QStringLiteral("受理编号")));
        QCOMPARE(codesOnFirstPage(pdf), QString());
    }

    // An intake taken in offline (IntakeSession::provisionalCase): the papers the applicant takes
    // home carry its reserved number and say the record is still to be uploaded; an electronic
    // licence is printed as not yet checked. The same case once on the server says neither.
    void offlineIntakeSaysItIsNotUploadedYet()
    {
        for (const bool pending : {true, false}) {
            PrintInput input = caseInput();
            QJsonArray materials = input.caseObject.value("materials").toArray();
            QJsonObject first = materials.at(0).toObject();
            first.insert("provided", "e_license");
            materials.replace(0, first);
            input.caseObject.insert("materials", materials);
            if (pending)
                input.caseObject.insert("pendingUpload", true);
            for (const PrintDocument document : {PrintDocument::Acceptance, PrintDocument::Commitment}) {
                const QString pdf = pdfPath(QStringLiteral("offline-%1-%2").arg(printDocumentCode(document)).arg(pending));
                DocumentRenderer renderer;
                QVERIFY2(renderer.renderPdf(document, input, pdf), qPrintable(renderer.errorString()));
                const QString text = squeezed(pdfText(pdf));
                QVERIFY(text.contains(m_case.value("number").toString()));
                QCOMPARE(text.contains(QStringLiteral("受理信息待上传")), pending);
                if (document == PrintDocument::Acceptance)
                    QCOMPARE(text.contains(QStringLiteral("电子证照（待核验）")), pending);
            }
        }
    }

    // The manifest that travels with a village centre's papers: every item with its case and
    // applicant, a blank to tick at the hall (or what the hall recorded), and a QR code that reads
    // exactly the text the hall's scanner looks the batch up by.
    void transferManifest()
    {
        const QJsonObject item1{{"id", "1"}, {"caseId", "c1"}, {"caseNumber", "SZ-V01-20261127-00001"}, {"kind", "material"},
                                {"material", "LABOR_CONTRACT"}, {"name", QStringLiteral("劳动合同")}, {"state", "sent"}};
        const QJsonObject item2{{"id", "2"}, {"caseId", "c2"}, {"caseNumber", "SZ-V01-20261127-00002"}, {"kind", "case_file"},
                                {"material", QJsonValue()}, {"name", "case file"}, {"state", "missing"}, {"note", QStringLiteral("未见")}};
        PrintInput input;
        input.office = office();
        input.transfer = {{"id", "7"}, {"code", "SZ-V01-20261127-ABCDEFGHJK"}, {"qr", "OW-TRANSFER:SZ-V01-20261127-ABCDEFGHJK"},
                          {"center", "SZ-V01"}, {"hall", "SZ"}, {"state", "in_transit"}, {"createdBy", "agent1"},
                          {"createdAt", "2026-11-27T10:05:00+08:00"}, {"note", QStringLiteral("第一批")},
                          {"cases", QJsonArray{QJsonObject{{"caseId", "c1"}, {"caseNumber", "SZ-V01-20261127-00001"},
                                                           {"applicantName", QStringLiteral("张三")}},
                                               QJsonObject{{"caseId", "c2"}, {"caseNumber", "SZ-V01-20261127-00002"},
                                                           {"applicantName", QStringLiteral("李四")}}}},
                          {"items", QJsonArray{item1, item2}}};
        const QString pdf = pdfPath("transfer-manifest");
        DocumentRenderer renderer;
        QVERIFY2(renderer.renderPdf(PrintDocument::TransferManifest, input, pdf), qPrintable(renderer.errorString()));
        QCOMPARE(renderer.templateProblems(), QStringList());
        const QString text = squeezed(pdfText(pdf));
        for (const QString &expected : {QStringLiteral("代办材料流转清单"), QStringLiteral("清单编号：SZ-V01-20261127-ABCDEFGHJK"),
                                        QStringLiteral("2026年11月27日10:05"), QStringLiteral("第一批"),
                                        QStringLiteral("1SZ-V01-20261127-00001张三劳动合同"),
                                        QStringLiteral("受理文书（申请人签字件）×缺失：未见"), QStringLiteral("接收人（签名）")})
            QVERIFY2(text.contains(expected), qPrintable(expected + " not in:\n" + text));
        QCOMPARE(codesOnFirstPage(pdf), QStringLiteral("OW-TRANSFER:SZ-V01-20261127-ABCDEFGHJK"));
    }

    void aNonAcceptanceNoticeNeedsItsReason()
    {
        DocumentRenderer renderer;
        QVERIFY(!renderer.renderPdf(PrintDocument::NonAcceptance, caseInput(), pdfPath("no-reason")));
        QVERIFY(renderer.errorString().contains("reason"));
        QVERIFY(!QFile::exists(pdfPath("no-reason"))); // no half-written file left behind
    }

    void organisationsPrintCreditCodeAndRepresentative()
    {
        QJsonObject organisation = m_case;
        organisation["applicant"] = QJsonObject{{"kind", "organization"}, {"name", QStringLiteral("吴江盛泽丝绸有限公司")},
            {"creditCode", "91320509MA1MXXXX0Q"}, {"legalRepresentative", QStringLiteral("李四")}, {"phone", "0512-63000000"}};
        PrintInput input = caseInput();
        input.caseObject = organisation;
        DocumentRenderer renderer;
        const QString html = renderer.html(PrintDocument::Acceptance, input);
        QVERIFY(html.contains(QStringLiteral("申请单位")));
        QVERIFY(html.contains("91320509MA1MXXXX0Q"));
        QVERIFY(html.contains(QStringLiteral("法定代表人")));
        QVERIFY(html.contains(QStringLiteral("李四")));
        QVERIFY(!html.contains(QStringLiteral("身份证号码</td>")));
    }

    void valuesAreEscaped()
    {
        PrintInput input = caseInput();
        QJsonObject applicant = m_case.value("applicant").toObject();
        applicant["name"] = QStringLiteral("<b>王五</b> & <img src=x>");
        input.caseObject["applicant"] = applicant;
        DocumentRenderer renderer;
        const QString html = renderer.html(PrintDocument::Acceptance, input);
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;王五&lt;/b&gt; &amp; &lt;img src=x&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<b>王五")));
        const QString pdf = pdfPath("escaped");
        QVERIFY(renderer.renderPdf(PrintDocument::Acceptance, input, pdf));
        QVERIFY(squeezed(pdfText(pdf)).contains(QStringLiteral("<b>王五</b>&<imgsrc=x>")));
    }

    void pluginTemplatesOverrideTheBuiltInOnes()
    {
        sdk::Registries registries;
        registries.addPrintTemplate({"acceptance", "HF", QString(), ":/test/department-acceptance.html"});
        registries.addPrintTemplate({"acceptance", "HF", "HF-001", ":/test/matter-acceptance.html"});
        registries.addPrintTemplate({"acceptance", "MR", QString(), ":/test/nowhere.html"});
        DocumentRenderer renderer(&registries);

        // The matter's own template beats the department's; other documents stay built in.
        QCOMPARE(renderer.templatePath(PrintDocument::Acceptance, m_case), QStringLiteral(":/test/matter-acceptance.html"));
        QCOMPARE(renderer.templatePath(PrintDocument::Commitment, m_case), QStringLiteral(":/printing/commitment.html"));
        QJsonObject otherMatter = m_case;
        otherMatter["matters"] = QJsonArray{QJsonObject{{"code", "HF-002"}, {"name", QStringLiteral("住房公积金提取")},
                                                        {"department", "HF"}, {"version", 1}}};
        QCOMPARE(renderer.templatePath(PrintDocument::Acceptance, otherMatter), QStringLiteral(":/test/department-acceptance.html"));

        const QString pdf = pdfPath("override");
        QVERIFY2(renderer.renderPdf(PrintDocument::Acceptance, caseInput(), pdf), qPrintable(renderer.errorString()));
        QVERIFY(renderer.templateProblems().isEmpty());
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("缴存登记专用受理通知书")), qPrintable(text));
        QVERIFY(text.contains(m_case.value("number").toString()));
        QVERIFY(text.contains(kMaskedId));
        QVERIFY(text.contains(QStringLiteral("劳动合同：") + kDueDate));
        QCOMPARE(codesOnFirstPage(pdf), m_case.value("number").toString());

        // A plugin template that cannot be read: the built-in one, and the problem said.
        QJsonObject marketCase = m_case;
        marketCase["matters"] = QJsonArray{QJsonObject{{"code", "MR-001"}, {"name", QStringLiteral("个体工商户设立登记")},
                                                       {"department", "MR"}, {"version", 1}}};
        PrintInput input = caseInput();
        input.caseObject = marketCase;
        const QString html = renderer.html(PrintDocument::Acceptance, input);
        QVERIFY(html.contains(QStringLiteral("申请人（签名）")));
        QCOMPARE(renderer.templateProblems(), QStringList{"template :/test/nowhere.html cannot be read"});
    }

    void theHousingFundPluginsNoticeIsFilled()
    {
        // The real plugin's template, from the source tree: every placeholder it uses is known.
        sdk::Registries registries;
        registries.addPrintTemplate({"acceptance", "HF", QString(), QStringLiteral(ONEWINDOW_HOUSINGFUND_TEMPLATE)});
        DocumentRenderer renderer(&registries);
        const QString pdf = pdfPath("housingfund");
        QVERIFY2(renderer.renderPdf(PrintDocument::Acceptance, caseInput(), pdf), qPrintable(renderer.errorString()));
        QVERIFY2(renderer.templateProblems().isEmpty(), qPrintable(renderer.templateProblems().join(", ")));
        const QString text = squeezed(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("住房公积金业务受理通知书")), qPrintable(text));
        QVERIFY(text.contains(m_case.value("number").toString()));
        QVERIFY(text.contains(kMaskedId));
        QVERIFY(text.contains(QStringLiteral("2026年11月30日")));
        QVERIFY(text.contains(QStringLiteral("劳动合同")));
        QVERIFY(!text.contains(kFullId));
    }

    void printsOnAPrinter()
    {
        // A QPrinter as the print dialog hands it over, set to Letter: the paper comes out A4.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = pdfPath("printer");
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::Letter));
        DocumentRenderer renderer;
        QVERIFY2(renderer.print(PrintDocument::MaterialReceipt, caseInput(), &printer), qPrintable(renderer.errorString()));
        QVERIFY(run("pdfinfo", {pdf}).out.contains("(A4)"));
        QVERIFY(squeezed(pdfText(pdf)).contains(QStringLiteral("材料接收凭证")));
        QCOMPARE(codesOnFirstPage(pdf), m_case.value("number").toString());
    }

    void pdfsGoToAnyDevice()
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        DocumentRenderer renderer;
        QVERIFY(renderer.renderPdf(PrintDocument::Commitment, caseInput(), &buffer));
        QVERIFY(bytes.startsWith("%PDF-"));

        QBuffer closed;
        QVERIFY(!renderer.renderPdf(PrintDocument::Commitment, caseInput(), &closed));
        QVERIFY(!renderer.errorString().isEmpty());
        QVERIFY(!renderer.renderPdf(PrintDocument::Commitment, caseInput(), m_dir.filePath("no/such/folder/x.pdf")));
        QVERIFY(renderer.errorString().contains("x.pdf"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_DocumentRenderer)
#include "tst_documentrenderer.moc"
