// The papers of an intake rendered to PDF, each N times from a fixed case (no server): the
// median time per document, beside a reference PDF of one Chinese paragraph measured in the
// same run (machines here are shared, so the ratio says more than the milliseconds).
// Goal: every paper under 100 ms.
//
//   bench_printing [runs] [--pdf-dir DIR]   (default 25 runs; QT_QPA_PLATFORM defaults to offscreen)
//
// With --pdf-dir, the five PDFs are also written to DIR as <document>.pdf (the images in
// docs/images/print-<document>.png are their first pages).
#include "documentrenderer.h"
#include "printdocument.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace onewindow::printing;

namespace {

/// An HF-001 case accepted with deficiency, as GET /cases/{id} returns it.
constexpr char kCase[] = R"({
  "id": "0b7f6f0e-2f55-4a8e-9a43-4c1d8a0f5e21",
  "number": "SZ-20261127-00001",
  "status": "accepted_with_deficiency",
  "matters": [{"code": "HF-001", "name": "住房公积金缴存登记", "department": "HF", "version": 1}],
  "bundle": null,
  "applicant": {"kind": "person", "name": "王五", "idNumber": "110105********002X", "phone": "13800138000"},
  "center": "SZ",
  "clerk": "clerk1",
  "channel": "counter",
  "greenChannel": false,
  "form": {"applicant_name": "王五", "applicant_id_number": "110105********002X", "phone": "13800138000",
           "company_name": "盛泽丝绸", "deposit_base": "6000"},
  "acceptedAt": "2026-11-27T09:15:00+08:00",
  "promisedDueDate": "2026-11-30",
  "legalDueDate": "2026-12-25",
  "materials": [
    {"code": "ID_CARD", "name": "居民身份证", "core": true, "required": true, "provided": "paper"},
    {"code": "LABOR_CONTRACT", "name": "劳动合同", "core": false, "required": true, "provided": "deficient"}
  ],
  "deficiencies": [
    {"id": "5c0e8d8e-1111-4a3b-8c1d-2e3f4a5b6c7d", "material": "LABOR_CONTRACT", "materialName": "劳动合同",
     "dueDate": "2026-12-04", "status": "outstanding", "suppliedAt": null, "provided": null}
  ],
  "version": 1,
  "updatedAt": "2026-11-27T09:15:00+08:00"
})";

/// An HF-002 intake the server refused (422 materials_incomplete): no number yet, and the ID
/// number as the clerk typed it, which the papers mask.
constexpr char kRefusedIntake[] = R"({
  "matters": [{"code": "HF-002", "name": "住房公积金提取", "department": "HF"}],
  "applicant": {"kind": "person", "name": "王五", "idNumber": "11010519491231002X", "phone": "13800138000"},
  "center": "SZ",
  "channel": "counter",
  "materials": []
})";

constexpr char kMatters[] = R"([
  {"code": "HF-001", "name": "住房公积金缴存登记", "department": "HF", "promisedDays": 1, "legalDays": 20,
   "terminationGraceDays": 3},
  {"code": "HF-002", "name": "住房公积金提取", "department": "HF", "promisedDays": 3, "legalDays": 20,
   "terminationGraceDays": 3}])";

constexpr double kGoalMs = 100.0;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Timing
{
    double first = 0;
    std::vector<double> runs;
    qint64 bytes = 0;
};

/// Times `render` once cold and `runs` times after; false when a render fails.
bool measure(int runs, const std::function<bool(QIODevice *)> &render, Timing *timing)
{
    for (int i = 0; i <= runs; ++i) {
        QByteArray pdf;
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QElapsedTimer timer;
        timer.start();
        if (!render(&buffer))
            return false;
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (i == 0)
            timing->first = ms;
        else
            timing->runs.push_back(ms);
        timing->bytes = pdf.size();
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int runs = 25;
    QString pdfDir;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--pdf-dir") && i + 1 < arguments.size())
            pdfDir = arguments[++i];
        else
            runs = std::max(1, arguments[i].toInt());
    }

    // The papers of an accepted case: acceptance, commitment, material receipt.
    PrintInput input;
    input.caseObject = QJsonDocument::fromJson(kCase).object();
    input.matterDetails = QJsonDocument::fromJson(kMatters).array();
    input.office = {QStringLiteral("盛泽镇行政审批局"), QStringLiteral("综合受理窗口3号"), QStringLiteral("0512-6350 0000"),
                    QStringLiteral("吴江区盛泽镇政务服务中心一楼"), QStringLiteral("苏州市吴江区人民政府"),
                    QStringLiteral("苏州市吴江区人民法院")};
    input.clerkName = QStringLiteral("沈佳怡");
    input.date = QDate(2026, 11, 27);
    // The one-time notice of a refused intake, and a non-acceptance notice for a matter the hall
    // does not handle.
    PrintInput refused = input;
    refused.caseObject = QJsonDocument::fromJson(kRefusedIntake).object();
    refused.missing = {{QStringLiteral("ID_CARD"), QStringLiteral("居民身份证"), QStringLiteral("core_missing")},
                       {QStringLiteral("BANK_CARD"), QStringLiteral("本人银行借记卡"), QStringLiteral("core_missing")},
                       {QStringLiteral("PURCHASE_CONTRACT"), QStringLiteral("房屋买卖合同"), QStringLiteral("required_missing")}};
    PrintInput notHandled = refused;
    notHandled.missing.clear();
    notHandled.reason = QStringLiteral("提取申请须由缴存职工本人向住房公积金管理中心提出，依法不属于本机关职权范围");
    notHandled.referral = QStringLiteral("苏州市住房公积金管理中心吴江分中心");

    // The reference: one paragraph of Chinese in the same font, A4 at 300 dpi.
    Timing reference;
    const bool referenceOk = measure(runs, [](QIODevice *device) {
        QPdfWriter writer(device);
        writer.setResolution(DocumentRenderer::kPdfResolution);
        writer.setPageSize(QPageSize(QPageSize::A4));
        QTextDocument doc;
        QFont font(QStringLiteral("Noto Sans CJK SC"));
        font.setPointSizeF(11);
        doc.setDefaultFont(font);
        doc.setPlainText(QStringLiteral("申请材料齐全、符合法定形式，决定予以受理。"));
        doc.print(&writer);
        return true;
    }, &reference);
    if (!referenceOk)
        return 1;
    const double referenceMedian = median(reference.runs);

    std::printf("PDF rendering, %d runs after one cold run, milliseconds\n", runs);
    std::printf("%-18s %8s %8s %8s %8s %8s %8s %6s\n", "document", "cold", "median", "min", "max", "ratio", "KB",
                "goal");
    std::printf("%-18s %8.1f %8.1f %8.1f %8.1f %8s %8.1f\n", "reference", reference.first, referenceMedian,
                *std::min_element(reference.runs.begin(), reference.runs.end()),
                *std::max_element(reference.runs.begin(), reference.runs.end()), "1.00",
                static_cast<double>(reference.bytes) / 1024);
    bool allMet = true;
    for (const PrintDocument document : allPrintDocuments()) {
        DocumentRenderer renderer;
        const PrintInput &paper = document == PrintDocument::OneTimeNotice ? refused
                                  : document == PrintDocument::NonAcceptance ? notHandled
                                                                             : input;
        Timing timing;
        if (!measure(runs, [&](QIODevice *device) { return renderer.renderPdf(document, paper, device); }, &timing)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(printDocumentCode(document)), qPrintable(renderer.errorString()));
            return 1;
        }
        if (!pdfDir.isEmpty()) {
            const QString path = QDir(pdfDir).filePath(printDocumentCode(document) + QStringLiteral(".pdf"));
            if (!renderer.renderPdf(document, paper, path)) {
                std::fprintf(stderr, "%s\n", qPrintable(renderer.errorString()));
                return 1;
            }
        }
        const double m = median(timing.runs);
        allMet = allMet && m < kGoalMs;
        std::printf("%-18s %8.1f %8.1f %8.1f %8.1f %8.2f %8.1f %6s\n", qPrintable(printDocumentCode(document)), timing.first,
                    m, *std::min_element(timing.runs.begin(), timing.runs.end()),
                    *std::max_element(timing.runs.begin(), timing.runs.end()), m / referenceMedian,
                    static_cast<double>(timing.bytes) / 1024, m < kGoalMs ? "PASS" : "MISS");
    }
    std::printf("goal: every paper's median under %.0f ms: %s\n", kGoalMs, allMet ? "PASS" : "MISS");
    return 0;
}
