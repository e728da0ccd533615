#pragma once

#include "printdocument.h"

#include "models/apierror.h"
#include "models/caseapi.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;
class QPagedPaintDevice;
class QTextDocument;

namespace onewindow::sdk {
class Registries;
}

namespace onewindow::printing {

class TemplateData;

/// The service hall that issues the papers, as printed on them.
struct Office
{
    QString name;            ///< 盛泽镇行政审批局: the issuing authority, whose seal the papers carry
    QString window;          ///< the counter, e.g. 综合受理窗口 3 号
    QString phone;
    QString address;
    QString reviewAuthority; ///< 行政复议机关 named in the non-acceptance notice; a general phrase if empty
    QString court;           ///< 人民法院 named in the non-acceptance notice; a general phrase if empty
};

/// One problem of a refused intake, as the server's materials_incomplete `missing` list has it.
struct MissingItem
{
    QString code;
    QString name;
    QString reason; ///< core_missing, required_missing, deficiency_not_allowed, ...

    static QList<MissingItem> fromJson(const QJsonArray &missing);
    /// The `missing` list of a materials_incomplete answer, as the API client parsed it.
    static QList<MissingItem> fromApiError(const models::ApiError &error);
    /// What the back office asked to correct: every reason of the returned parts, each named by
    /// its matter ("PS-001 印章刻制备案") as the case lists it.
    static QList<MissingItem> fromReturnedParts(const QJsonObject &caseObject, const QList<models::CasePart> &parts);
    /// The papers of the back office's decisions, by `document`: the return notice's items (as
    /// fromReturnedParts), the rejection's reasons (rejected parts), the simulated approval's
    /// conditions (parts approved_simulated); each named by its matter.
    static QList<MissingItem> fromDecidedParts(PrintDocument document, const QJsonObject &caseObject,
                                               const QList<models::CasePart> &parts);
    /// Every item of a refusal on record (a case's `refusal`): its missing materials, and its
    /// form problems as `field_required` or `field_invalid`, named by the field's label.
    static QList<MissingItem> fromRefusal(const QJsonObject &refusal);
};

/// What a paper is filled from.
struct PrintInput
{
    /// A Case exactly as GET /cases/{id} returns it. A refusal on record (`not_accepted`, with its
    /// `refusal`) prints its notice from it: its items and reason unless `missing` and `reason`
    /// are given. For a refusal not on record, the same shape without `number` (matters as
    /// objects). An ID number in it is masked before anything is printed.
    QJsonObject caseObject;
    Office office;
    /// One-time and non-acceptance notices: the problems (materials_incomplete `missing`). A
    /// one-time notice without them lists the case's outstanding deficiencies.
    QList<MissingItem> missing;
    /// The date printed on the paper: the server's date (models::ServerClock). When invalid, the
    /// day of acceptance; a paper of no accepted case (a refusal) must be given it.
    QDate date;
    /// The clerk's name as printed; the case's `clerk` (a username) when empty.
    QString clerkName;
    /// Matter or MatterSummary objects from the catalog, for the time limits in working days
    /// (promisedDays, legalDays) and the grace period (terminationGraceDays). Without them the
    /// papers print the due dates only.
    QJsonArray matterDetails;
    /// Non-acceptance notice: why, in the clerk's words (printed before the problems, if any).
    /// The notice needs this or `missing`.
    QString reason;
    /// Non-acceptance notice: the authority the applicant should turn to, if any.
    QString referral;
    /// Delivery receipt: the delivery (GET /cases/{id}/delivery), the result it hands out
    /// (GET /cases/{id}/result) and the recipient's signature (the attachment's bytes: an image).
    QJsonObject delivery;
    QJsonObject result;
    QByteArray signature;
    /// Transfer manifest: the batch (POST /transfers, GET /transfers/…); no case.
    QJsonObject transfer;
};

/// Fills the paper templates of an intake from a Case and prints them or saves them as PDF.
///
/// The template is a plugin's when one offers it for the document and the case's first matter
/// (by matter code, then by department), else the built-in one (:/printing/<code>.html). The
/// case number is printed as text and as a QR code. Pages are A4 with 20 mm margins; the text
/// is set in Noto Sans CJK SC (or the first CJK font found after it).
class DocumentRenderer
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::printing::DocumentRenderer)

public:
    static constexpr int kPdfResolution = 300;
    static constexpr double kMarginMillimetres = 20.0;

    /// `registries` may be null (built-in templates only); it must outlive the renderer.
    explicit DocumentRenderer(const sdk::Registries *registries = nullptr);
    ~DocumentRenderer();

    /// The resource or file path of the template used for `document` and this case.
    QString templatePath(PrintDocument document, const QJsonObject &caseObject) const;
    /// The filled HTML. Empty, with errorString() set, when the template cannot be read.
    QString html(PrintDocument document, const PrintInput &input);
    /// The filled document laid out for `device`'s pages (in CSS pixels of 1/96 inch, which
    /// QTextDocument::print() scales to the device); sets A4 and the margins on `device`.
    std::unique_ptr<QTextDocument> layOut(PrintDocument document, const PrintInput &input, QPagedPaintDevice *device);
    /// Any HTML laid out as the papers are (A4, the margins, the CJK font, CSS pixels) for
    /// `device`: a report that is not a case's paper.
    static std::unique_ptr<QTextDocument> layOutHtml(const QString &html, QPagedPaintDevice *device);
    /// That HTML as a PDF whose text reads back (the radicals' maps repaired), in memory; its
    /// title the HTML's <title>, then `titleSuffix` (a case number).
    static QByteArray htmlToPdf(const QString &html, const QString &titleSuffix = {});

    /// Writes a PDF (A4, 300 dpi) to an open, writable device.
    bool renderPdf(PrintDocument document, const PrintInput &input, QIODevice *device);
    bool renderPdf(PrintDocument document, const PrintInput &input, const QString &filePath);
    /// Prints on a printer (a QPrinter from QPrintDialog or QPrintPreviewDialog) or any paged
    /// device, on A4 with 20 mm margins, at the device's own resolution.
    bool print(PrintDocument document, const PrintInput &input, QPagedPaintDevice *printer);

    /// Why the last call failed, in the user's language.
    QString errorString() const { return m_error; }
    /// What the last filled template did not know (placeholder names), for the plugin's author.
    QStringList templateProblems() const { return m_problems; }

private:
    QString loadTemplate(PrintDocument document, const QJsonObject &caseObject);
    TemplateData dataFor(PrintDocument document, const PrintInput &input) const;

    const sdk::Registries *m_registries;
    QString m_error;
    QStringList m_problems;
};

} // namespace onewindow::printing
