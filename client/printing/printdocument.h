#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::printing {

/// The papers of an intake. Each has a stable code: the name of its built-in template
/// (:/printing/<code>.html) and the `document` of a plugin's sdk::PrintTemplate.
enum class PrintDocument {
    Acceptance,      ///< acceptance, 受理通知书 (also the applicant's receipt)
    Commitment,      ///< commitment, 容缺受理承诺书
    OneTimeNotice,   ///< one-time-notice, 一次性告知书
    NonAcceptance,   ///< non-acceptance, 不予受理通知书
    MaterialReceipt, ///< material-receipt, 材料接收凭证
    Reminder,        ///< reminder, 容缺材料补正提醒函: what is still owed, by when, and what follows
    ReturnNotice,    ///< return-notice, 补正材料通知书: what the back office asks to correct, every item
    Rejection,       ///< rejection, 不予许可决定书: every reason of the rejected parts, and where to appeal
    SimulatedApproval, ///< simulated-approval, 模拟审批意见书: the conditions before it becomes formal
    Result,          ///< result, 办理结果通知书: the certificate issued, and where to collect it (a plugin's
                     ///< may be the result itself, e.g. the restaurant bundle's 行业综合许可证)
    DeliveryReceipt, ///< delivery-receipt, 出件签收单: who collected the result, when, signed
    TransferManifest, ///< transfer-manifest, 代办材料流转清单: a village centre's paper to its hall; no case
};

/// Every document, in the order a counter hands them out.
QList<PrintDocument> allPrintDocuments();
/// The papers of an intake (every document but the reminder letter of the deficiency follow-up
/// and the back office's papers: return notice, rejection, simulated approval; and the delivery
/// receipt).
QList<PrintDocument> intakePrintDocuments();
/// The papers of one case (every document but the transfer manifest, which is a batch's).
QList<PrintDocument> casePrintDocuments();
/// "acceptance", "commitment", "one-time-notice", "non-acceptance", "material-receipt", "reminder".
QString printDocumentCode(PrintDocument document);
std::optional<PrintDocument> printDocumentFromCode(const QString &code);
/// The document's name in the user's language, for menus and dialogs (the paper itself prints
/// its Chinese title from the template).
QString printDocumentName(PrintDocument document);

} // namespace onewindow::printing
