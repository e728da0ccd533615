#pragma once

#include "models/caseapi.h"
#include "printing/printdocument.h"

#include <QDialog>
#include <QHash>
#include <QPair>

#include <optional>
#include <QJsonObject>

class QBuffer;
class QComboBox;
class QLabel;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace onewindow::printing {
struct PrintInput;
}

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// An approver reviews one case: the case (applicant, form values, materials, every part and
/// its decision) on the left, the attached scans on the right (PDFs in Qt PDF's viewer, images
/// scaled), and the decisions below, each with a key: Ctrl+Enter approves, Alt+R returns for
/// correction, Alt+J rejects, Alt+C approves with conditions (模拟审批), Alt+N goes to the next case.
/// Once the case is approved, "Record result" (Alt+E) records the certificate that goes back to the
/// hall; while it is approved with conditions, "Condition met" (Alt+M) records each as it is met.
class ReviewDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `department`: the approver's; only its pending parts can be decided here. `registries`:
    /// the plugins' print templates for the decisions' papers (nullptr: the built-in ones).
    ReviewDialog(models::CaseApi *cases, const QString &department, const sdk::Registries *registries = nullptr,
                 QWidget *parent = nullptr);
    ~ReviewDialog() override;

    /// Shows the case `caseId` (asked of the server).
    void review(const QString &caseId);
    QString caseId() const { return m_caseId; }
    /// Whether "Next case" is offered (the queue has one after this).
    void setNextAvailable(bool available);

signals:
    /// A decision was recorded; `caseObject` is the case after it.
    void decided(const QJsonObject &caseObject);
    /// The approver asked for the next case of the queue.
    void nextRequested();

private:
    void showCase(const QJsonObject &caseObject);
    void showParts(const QList<models::CasePart> &parts);
    void showAttachments(const QList<models::CaseAttachment> &attachments);
    void showAttachment(int row);
    void decide(models::Decision::Kind kind);
    /// The applicant's paper of the case as decided: the decision not to grant (rejected) or the
    /// simulated approval's opinion with its conditions, or once the result is recorded the result
    /// notice (a department's own paper of the result when its plugin has one); none for other
    /// states.
    static std::optional<printing::PrintDocument> decisionPaper(const QJsonObject &caseObject);
    void printDecision();
    void previewPaper(printing::PrintDocument document, const printing::PrintInput &input);
    void recordResult();
    void recordConditionMet();
    void setBusy(bool busy);
    void say(const QString &text);

    models::CaseApi *m_cases;
    QString m_department;
    const sdk::Registries *m_registries;
    QString m_caseId;
    QJsonObject m_case;
    /// The standard reasons of the case's matters, by matter code: (use, text), use being
    /// `return` or `reject` (GET /matters/{code}).
    QHash<QString, QList<QPair<QString, QString>>> m_matterReasons;
    QList<models::CasePart> m_parts;
    QList<models::CaseAttachment> m_attachments;
    int m_generation = 0;

    QLabel *m_header;
    QTreeWidget *m_details;
    QListWidget *m_attachmentList;
    QStackedWidget *m_viewer;
    QLabel *m_noAttachment;
    QPdfView *m_pdfView;
    QPdfDocument *m_pdf;
    QBuffer *m_pdfBytes;
    QLabel *m_image;
    QLabel *m_partLabel;
    QComboBox *m_part;
    QPushButton *m_approve;
    QPushButton *m_approveSimulated;
    QPushButton *m_return;
    QPushButton *m_reject;
    QPushButton *m_result;
    QPushButton *m_conditionMet;
    QPushButton *m_printDecision;
    QPushButton *m_next;
    QLabel *m_message;
};

} // namespace onewindow::client
