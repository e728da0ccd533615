#pragma once

#include "apiclient.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace onewindow::models {

/// A matter of a case, decided by its department's approvers (GET /cases/{id}/parts).
struct CasePart
{
    QString matter;
    QString department;
    QString status; ///< pending, approved, approved_simulated, rejected, returned
    QString decidedBy;
    QDateTime decidedAt;
    QStringList reasons;
    QStringList conditions;

    static QList<CasePart> listFromJson(const QJsonObject &answer);
};

/// An approver's decision on their department's part of a case.
struct Decision
{
    enum class Kind { Approve, ApproveSimulated, Reject, ReturnForCorrection };
    QString matter;
    Kind kind = Kind::Approve;
    QStringList reasons;    ///< required for Reject and ReturnForCorrection
    QStringList conditions; ///< required for ApproveSimulated

    QJsonObject toJson() const;
    static QString code(Kind kind);
};

/// What the counter corrected after a return.
struct Resubmission
{
    QJsonObject form;                            ///< corrected field values
    QList<QPair<QString, QString>> materials;    ///< code, how provided now (paper, scan, e_license)
    QString note;

    QJsonObject toJson() const;
};

/// The result of an approved case, back at the hall to be handed out (统一出件).
struct CaseResult
{
    QString certificateNumber;
    QDate issuedOn;
    QString attachmentId; ///< its electronic copy, an attachment of the case; empty when none

    QJsonObject toJson() const;
};

/// A condition of a simulated approval (模拟审批), as GET /cases/{id}/conditions lists it.
struct CaseCondition
{
    int n = 0;
    QString matter;
    QString text;
    bool met = false;

    static QList<CaseCondition> listFromJson(const QJsonObject &answer);
};

/// An attachment of a case, as GET /cases/{id}/attachments lists it.
struct CaseAttachment
{
    QString id;
    QString filename;
    QString mediaType;
    qint64 size = 0;
    QDateTime createdAt;

    static QList<CaseAttachment> listFromJson(const QJsonObject &answer);
};

/// What an approver's department has to decide (GET /review/counts).
struct ReviewCounts
{
    int pending = 0;      ///< parts of the department still to decide
    int overdue = 0;      ///< of them, past the case's promised date
    int greenChannel = 0; ///< of them, green-channel cases

    static ReviewCounts fromJson(const QJsonObject &o);
};

/// An earlier refused intake of an applicant (GET /applicants/{id}/refusals): what the counter
/// told them last time, so that the second visit starts from it.
struct ApplicantRefusal
{
    QString caseId;
    QString number;
    QDateTime refusedAt;
    QString kind;        ///< one_time_notice or non_acceptance
    QString reason;      ///< the reason's words, from the matter's list
    QStringList items;   ///< each missing material or form problem, by its name
    QStringList matters; ///< matter codes

    static QList<ApplicantRefusal> listFromJson(const QJsonObject &answer);
};

/// Who collects a result and how (POST /cases/{id}/delivery, 统一出件).
struct Delivery
{
    QString recipientKind = QStringLiteral("applicant"); ///< applicant or agent
    QString name;
    QString idNumber;
    QString authorizationId; ///< an agent's: the applicant's authorisation, scanned, an attachment of the case
    QString method = QStringLiteral("counter"); ///< counter or mail
    QString trackingNumber;  ///< mail
    QString signatureId;     ///< the signature pad's image, or the signed receipt scanned: an attachment

    QJsonObject toJson() const;
};

/// A citizen's rating of one service event (好差评).
struct Rating
{
    QString event;   ///< intake or delivery
    int level = 0;   ///< 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意
    QString channel = QStringLiteral("counter"); ///< counter, sms or paper
    QString comment;
    QString token;   ///< counter: the customer screen's own token for this case and event

    QJsonObject toJson() const;
};

/// Which cases a list shows (GET /cases): the approver's queue and the counter's lists.
struct CaseQuery
{
    QStringList states;      ///< any of these case states; empty: all
    QString department;      ///< cases with a part of this department (an approver's own)
    QString part;            ///< with `department`: pending (to decide) or decided
    QString matter;
    QDate dueBefore;         ///< promised due date before this day
    bool greenChannelOnly = false;
    bool overdueOnly = false;
    QString center;
    QString number;          ///< one case by its number (a barcode gun types it)
    QString applicant;       ///< the applicant's ID number or credit code
    bool byPriority = false; ///< green channel first, then the promised due date; else newest first
    QDate acceptedFrom;      ///< accepted on this day or later
    QDate acceptedTo;        ///< accepted on this day or earlier
    QString figure;          ///< the cases a figure of the summary counts ("cases.approved")
    int limit = 50;

    /// The path of the first page, relative to /api/v1.
    QString path() const;
};

/// The cases of the REST API as typed calls, so that no widget builds a path or reads a case's
/// JSON keys itself. Every answer comes on the caller's thread; changes carry If-Match (the ETag
/// of the case last read) and an idempotency key.
class CaseApi : public QObject
{
    Q_OBJECT

public:
    explicit CaseApi(ApiClient *api, QObject *parent = nullptr);
    ~CaseApi() override;

    template<typename T>
    using Done = std::function<void(const ApiResult<T> &)>;

    ApiClient *api() const { return m_api; }

    /// GET /cases/{id}: the whole case (remembers its ETag for the next change).
    void fetchCase(const QString &caseId, Done<QJsonObject> done, QObject *context);
    void fetchParts(const QString &caseId, Done<QList<CasePart>> done, QObject *context);
    void fetchAttachments(const QString &caseId, Done<QList<CaseAttachment>> done, QObject *context);
    /// The attachment's bytes (a PDF or an image).
    void fetchAttachmentContent(const QString &caseId, const QString &attachmentId, Done<QByteArray> done,
                                QObject *context);
    /// GET /review/counts: the approver's department.
    void fetchReviewCounts(Done<ReviewCounts> done, QObject *context);
    /// GET /applicants/{identifier}/refusals: the applicant's refused intakes, newest first.
    void fetchApplicantRefusals(const QString &identifier, Done<QList<ApplicantRefusal>> done, QObject *context);
    /// GET /matters/{code}: the matter as the catalog has it now (field labels, materials).
    void fetchMatter(const QString &code, Done<QJsonObject> done, QObject *context);
    /// POST /cases/{id}/decisions; answers the case after it.
    void decide(const QString &caseId, const Decision &decision, Done<QJsonObject> done, QObject *context);
    void fetchConditions(const QString &caseId, Done<QList<CaseCondition>> done, QObject *context);
    /// POST /cases/{id}/conditions/{n}/met with how it was met; answers the case after it.
    void recordConditionMet(const QString &caseId, int n, const QString &note, Done<QJsonObject> done,
                            QObject *context);
    /// POST /cases/{id}/result; answers the case after it (result_ready).
    void recordResult(const QString &caseId, const CaseResult &result, Done<QJsonObject> done, QObject *context);
    /// POST /cases/{id}/resubmission; answers the case after it.
    void resubmit(const QString &caseId, const Resubmission &resubmission, Done<QJsonObject> done, QObject *context);

    /// POST /cases/{id}/delivery: hands the result out; answers the case after it (delivered).
    void deliver(const QString &caseId, const Delivery &delivery, Done<QJsonObject> done, QObject *context);
    /// GET /cases/{id}/delivery and GET /cases/{id}/result: for the delivery receipt.
    void fetchDelivery(const QString &caseId, Done<QJsonObject> done, QObject *context);
    void fetchResult(const QString &caseId, Done<QJsonObject> done, QObject *context);
    /// POST /cases/{id}/rating-tokens: the customer screen's own token for one event, valid a few
    /// minutes and once.
    void issueRatingToken(const QString &caseId, const QString &event, Done<QString> done, QObject *context);
    /// The id of the case numbered `number` in the user's scope (GET /cases?number=); a 404 error
    /// when there is none.
    void findCaseId(const QString &number, Done<QString> done, QObject *context);
    /// POST /cases/{id}/evaluations.
    void rate(const QString &caseId, const Rating &rating, Done<QJsonObject> done, QObject *context);
    /// POST /follow-ups/{id}/notes: a supervisor's call-back note; answers the follow-up.
    void addFollowUpNote(const QString &followUpId, const QString &note, Done<QJsonObject> done, QObject *context);
    /// POST /transfers: the paper materials of `caseIds` (a village centre's) to its hall, under
    /// `idempotencyKey` (the same on a retry); answers the batch with its manifest's `qr`.
    void createTransfer(const QStringList &caseIds, const QString &note, const QString &idempotencyKey,
                        Done<QJsonObject> done, QObject *context);
    /// GET /transfers/by-code/{code}: `code` as printed or the manifest's whole QR text.
    void fetchTransferByCode(const QString &code, Done<QJsonObject> done, QObject *context);
    /// POST /transfers/{id}/arrival: every item received but `missing` ([{item, note}]).
    void recordArrival(const QString &transferId, const QJsonArray &missing, const QString &idempotencyKey,
                       Done<QJsonObject> done, QObject *context);
    /// POST /follow-ups/{id}/close with the resolution and the citizen's second rating.
    void closeFollowUp(const QString &followUpId, const QString &resolution, int secondLevel,
                       Done<QJsonObject> done, QObject *context);

    static QString casePath(const QString &caseId);

private:
    ApiClient *m_api;
};

} // namespace onewindow::models
