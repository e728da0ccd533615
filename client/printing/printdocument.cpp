#include "printdocument.h"

#include <QCoreApplication>

namespace onewindow::printing {

namespace {

/// The translation context of the document names.
struct PrintDocumentNames
{
    Q_DECLARE_TR_FUNCTIONS(onewindow::printing::PrintDocument)
};

struct DocumentInfo
{
    PrintDocument document;
    const char *code;
    const char *name;
};

constexpr DocumentInfo kDocuments[] = {
    {PrintDocument::Acceptance, "acceptance", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Acceptance notice")},
    {PrintDocument::Commitment, "commitment",
        QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Commitment letter for acceptance with deficiency")},
    {PrintDocument::OneTimeNotice, "one-time-notice", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "One-time notice")},
    {PrintDocument::NonAcceptance, "non-acceptance", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Non-acceptance notice")},
    {PrintDocument::MaterialReceipt, "material-receipt", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Material receipt")},
    {PrintDocument::Reminder, "reminder", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Reminder letter for deficient materials")},
    {PrintDocument::ReturnNotice, "return-notice",
        QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Notice to correct after review")},
    {PrintDocument::Rejection, "rejection", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Decision not to grant")},
    {PrintDocument::SimulatedApproval, "simulated-approval",
        QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Simulated approval opinion")},
    {PrintDocument::Result, "result", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Result notice")},
    {PrintDocument::DeliveryReceipt, "delivery-receipt", QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Delivery receipt")},
    {PrintDocument::TransferManifest, "transfer-manifest",
        QT_TRANSLATE_NOOP("onewindow::printing::PrintDocument", "Transfer manifest of paper materials")},
};

const DocumentInfo &infoOf(PrintDocument document)
{
    for (const auto &info : kDocuments) {
        if (info.document == document)
            return info;
    }
    return kDocuments[0];
}

} // namespace

QList<PrintDocument> allPrintDocuments()
{
    QList<PrintDocument> out;
    for (const auto &info : kDocuments)
        out.append(info.document);
    return out;
}

QList<PrintDocument> casePrintDocuments()
{
    QList<PrintDocument> out = allPrintDocuments();
    out.removeAll(PrintDocument::TransferManifest);
    return out;
}

QList<PrintDocument> intakePrintDocuments()
{
    QList<PrintDocument> out = casePrintDocuments();
    out.removeAll(PrintDocument::Reminder);
    out.removeAll(PrintDocument::ReturnNotice);
    out.removeAll(PrintDocument::Rejection);
    out.removeAll(PrintDocument::SimulatedApproval);
    out.removeAll(PrintDocument::Result);
    out.removeAll(PrintDocument::DeliveryReceipt);
    return out;
}

QString printDocumentCode(PrintDocument document)
{
    return QString::fromLatin1(infoOf(document).code);
}

std::optional<PrintDocument> printDocumentFromCode(const QString &code)
{
    for (const auto &info : kDocuments) {
        if (code == QLatin1String(info.code))
            return info.document;
    }
    return std::nullopt;
}

QString printDocumentName(PrintDocument document)
{
    return PrintDocumentNames::tr(infoOf(document).name);
}

} // namespace onewindow::printing
