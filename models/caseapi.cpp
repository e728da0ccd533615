#include "caseapi.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList texts(const QJsonValue &value)
{
    QStringList out;
    for (const auto &item : value.toArray())
        out << item.toString();
    return out;
}

QJsonArray array(const QStringList &items)
{
    QJsonArray out;
    for (const QString &item : items)
        out.append(item);
    return out;
}

template<typename T>
ApiResult<T> failed(const ApiError &error)
{
    ApiResult<T> result;
    result.error = error;
    return result;
}

template<typename T>
ApiResult<T> succeeded(T value)
{
    ApiResult<T> result;
    result.value = std::move(value);
    return result;
}

} // namespace

QList<CasePart> CasePart::listFromJson(const QJsonObject &answer)
{
    QList<CasePart> parts;
    for (const auto &item : answer.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = item.toObject();
        parts.append({text(o, "matter"), text(o, "department"), text(o, "status"), text(o, "decidedBy"),
                      QDateTime::fromString(text(o, "decidedAt"), Qt::ISODateWithMs),
                      texts(o.value(QLatin1String("reasons"))), texts(o.value(QLatin1String("conditions")))});
    }
    return parts;
}

QString Decision::code(Kind kind)
{
    switch (kind) {
    case Kind::Approve: return QStringLiteral("approve");
    case Kind::ApproveSimulated: return QStringLiteral("approve_simulated");
    case Kind::Reject: return QStringLiteral("reject");
    case Kind::ReturnForCorrection: return QStringLiteral("return_for_correction");
    }
    return {};
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{QStringLiteral("matter"), matter}, {QStringLiteral("decision"), code(kind)}};
    if (!reasons.isEmpty())
        o.insert(QStringLiteral("reasons"), array(reasons));
    if (!conditions.isEmpty())
        o.insert(QStringLiteral("conditions"), array(conditions));
    return o;
}

QJsonObject Resubmission::toJson() const
{
    QJsonObject o;
    if (!form.isEmpty())
        o.insert(QStringLiteral("form"), form);
    if (!materials.isEmpty()) {
        QJsonArray list;
        for (const auto &[code, provided] : materials)
            list.append(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("provided"), provided}});
        o.insert(QStringLiteral("materials"), list);
    }
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

QList<CaseCondition> CaseCondition::listFromJson(const QJsonObject &answer)
{
    QList<CaseCondition> out;
    for (const auto &item : answer.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = item.toObject();
        out.append({o.value(QLatin1String("n")).toInt(), onewindow::models::text(o, "matter"), onewindow::models::text(o, "text"),
                    o.value(QLatin1String("met")).toBool()});
    }
    return out;
}

QJsonObject CaseResult::toJson() const
{
    QJsonObject o{{QStringLiteral("certificateNumber"), certificateNumber},
                  {QStringLiteral("issuedOn"), issuedOn.toString(Qt::ISODate)}};
    if (!attachmentId.isEmpty())
        o.insert(QStringLiteral("attachmentId"), attachmentId);
    return o;
}

QList<CaseAttachment> CaseAttachment::listFromJson(const QJsonObject &answer)
{
    QList<CaseAttachment> out;
    for (const auto &item : answer.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = item.toObject();
        out.append({text(o, "id"), text(o, "filename"), text(o, "mediaType"),
                    o.value(QLatin1String("size")).toInteger(), // 0 for what no qint64 holds
                    QDateTime::fromString(text(o, "createdAt"), Qt::ISODateWithMs)});
    }
    return out;
}

ReviewCounts ReviewCounts::fromJson(const QJsonObject &o)
{
    return {o.value(QLatin1String("pending")).toInt(), o.value(QLatin1String("overdue")).toInt(),
            o.value(QLatin1String("greenChannel")).toInt()};
}

QString CaseQuery::path() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!states.isEmpty())
        query.addQueryItem(QStringLiteral("state"), states.join(QLatin1Char(',')));
    if (!department.isEmpty())
        query.addQueryItem(QStringLiteral("department"), department);
    if (!part.isEmpty())
        query.addQueryItem(QStringLiteral("part"), part);
    if (!matter.isEmpty())
        query.addQueryItem(QStringLiteral("matter"), matter);
    if (dueBefore.isValid())
        query.addQueryItem(QStringLiteral("dueBefore"), dueBefore.toString(Qt::ISODate));
    if (greenChannelOnly)
        query.addQueryItem(QStringLiteral("greenChannel"), QStringLiteral("true"));
    if (overdueOnly)
        query.addQueryItem(QStringLiteral("overdue"), QStringLiteral("true"));
    if (!center.isEmpty())
        query.addQueryItem(QStringLiteral("center"), center);
    if (!number.isEmpty())
        query.addQueryItem(QStringLiteral("number"), number);
    if (!applicant.isEmpty())
        query.addQueryItem(QStringLiteral("applicant"), applicant);
    if (acceptedFrom.isValid())
        query.addQueryItem(QStringLiteral("acceptedFrom"), acceptedFrom.toString(Qt::ISODate));
    if (acceptedTo.isValid())
        query.addQueryItem(QStringLiteral("acceptedTo"), acceptedTo.toString(Qt::ISODate));
    if (!figure.isEmpty())
        query.addQueryItem(QStringLiteral("figure"), figure);
    if (byPriority)
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("priority"));
    return QStringLiteral("/cases?") + query.toString(QUrl::FullyEncoded);
}

QJsonObject Delivery::toJson() const
{
    QJsonObject recipient{{QStringLiteral("kind"), recipientKind}, {QStringLiteral("name"), name},
                          {QStringLiteral("idNumber"), idNumber}};
    if (!authorizationId.isEmpty())
        recipient.insert(QStringLiteral("authorization"), authorizationId);
    QJsonObject o{{QStringLiteral("recipient"), recipient}, {QStringLiteral("method"), method}};
    if (!trackingNumber.isEmpty())
        o.insert(QStringLiteral("trackingNumber"), trackingNumber);
    if (!signatureId.isEmpty())
        o.insert(QStringLiteral("signature"), signatureId);
    return o;
}

QJsonObject Rating::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), event}, {QStringLiteral("level"), level}, {QStringLiteral("channel"), channel}};
    if (!comment.isEmpty())
        o.insert(QStringLiteral("comment"), comment);
    if (!token.isEmpty())
        o.insert(QStringLiteral("ratingToken"), token);
    return o;
}

CaseApi::CaseApi(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

CaseApi::~CaseApi() = default;

QString CaseApi::casePath(const QString &caseId)
{
    return QStringLiteral("/cases/") + QString::fromUtf8(QUrl::toPercentEncoding(caseId));
}

void CaseApi::fetchCase(const QString &caseId, Done<QJsonObject> done, QObject *context)
{
    m_api->get(casePath(caseId), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error));
    }, context);
}

void CaseApi::fetchParts(const QString &caseId, Done<QList<CasePart>> done, QObject *context)
{
    m_api->get(casePath(caseId) + QStringLiteral("/parts"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(CasePart::listFromJson(r.object())) : failed<QList<CasePart>>(r.error));
    }, context);
}

void CaseApi::fetchAttachments(const QString &caseId, Done<QList<CaseAttachment>> done, QObject *context)
{
    m_api->get(casePath(caseId) + QStringLiteral("/attachments"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(CaseAttachment::listFromJson(r.object())) : failed<QList<CaseAttachment>>(r.error));
    }, context);
}

void CaseApi::fetchAttachmentContent(const QString &caseId, const QString &attachmentId, Done<QByteArray> done,
                                     QObject *context)
{
    const QString path = casePath(caseId) + QStringLiteral("/attachments/")
                         + QString::fromUtf8(QUrl::toPercentEncoding(attachmentId)) + QStringLiteral("/content");
    m_api->getBytes(path, [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.bytes) : failed<QByteArray>(r.error));
    }, context);
}

void CaseApi::fetchReviewCounts(Done<ReviewCounts> done, QObject *context)
{
    m_api->get(QStringLiteral("/review/counts"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(ReviewCounts::fromJson(r.object())) : failed<ReviewCounts>(r.error));
    }, context);
}

QList<ApplicantRefusal> ApplicantRefusal::listFromJson(const QJsonObject &answer)
{
    QList<ApplicantRefusal> out;
    for (const QJsonValue &value : answer.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = value.toObject();
        const QJsonObject refusal = o.value(QLatin1String("refusal")).toObject();
        ApplicantRefusal r;
        r.caseId = o.value(QLatin1String("id")).toString();
        r.number = o.value(QLatin1String("number")).toString();
        r.refusedAt = QDateTime::fromString(o.value(QLatin1String("refusedAt")).toString(), Qt::ISODateWithMs);
        r.kind = refusal.value(QLatin1String("kind")).toString();
        r.reason = refusal.value(QLatin1String("reason")).toObject().value(QLatin1String("text")).toString();
        for (const QJsonValue &item : refusal.value(QLatin1String("items")).toArray())
            r.items << item.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &m : o.value(QLatin1String("matters")).toArray())
            r.matters << m.toObject().value(QLatin1String("code")).toString();
        out.append(r);
    }
    return out;
}

void CaseApi::fetchApplicantRefusals(const QString &identifier, Done<QList<ApplicantRefusal>> done, QObject *context)
{
    m_api->get(QStringLiteral("/applicants/%1/refusals").arg(QString::fromUtf8(QUrl::toPercentEncoding(identifier))),
               [done](const ApiResponse &r) {
                   done(r.ok() ? succeeded(ApplicantRefusal::listFromJson(r.object()))
                               : failed<QList<ApplicantRefusal>>(r.error));
               }, context);
}

void CaseApi::fetchMatter(const QString &code, Done<QJsonObject> done, QObject *context)
{
    m_api->get(QStringLiteral("/matters/") + QString::fromUtf8(QUrl::toPercentEncoding(code)), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error));
    }, context);
}

void CaseApi::decide(const QString &caseId, const Decision &decision, Done<QJsonObject> done, QObject *context)
{
    m_api->change("POST", casePath(caseId) + QStringLiteral("/decisions"), casePath(caseId), decision.toJson(),
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void CaseApi::fetchConditions(const QString &caseId, Done<QList<CaseCondition>> done, QObject *context)
{
    m_api->get(casePath(caseId) + QStringLiteral("/conditions"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(CaseCondition::listFromJson(r.object())) : failed<QList<CaseCondition>>(r.error));
    }, context);
}

void CaseApi::recordConditionMet(const QString &caseId, int n, const QString &note, Done<QJsonObject> done,
                                 QObject *context)
{
    m_api->change("POST", casePath(caseId) + QStringLiteral("/conditions/%1/met").arg(n), casePath(caseId),
                  {{QStringLiteral("note"), note}},
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void CaseApi::recordResult(const QString &caseId, const CaseResult &result, Done<QJsonObject> done,
                           QObject *context)
{
    m_api->change("POST", casePath(caseId) + QStringLiteral("/result"), casePath(caseId), result.toJson(),
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void CaseApi::resubmit(const QString &caseId, const Resubmission &resubmission, Done<QJsonObject> done,
                       QObject *context)
{
    m_api->change("POST", casePath(caseId) + QStringLiteral("/resubmission"), casePath(caseId), resubmission.toJson(),
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void CaseApi::deliver(const QString &caseId, const Delivery &delivery, Done<QJsonObject> done, QObject *context)
{
    m_api->change("POST", casePath(caseId) + QStringLiteral("/delivery"), casePath(caseId), delivery.toJson(),
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void CaseApi::fetchDelivery(const QString &caseId, Done<QJsonObject> done, QObject *context)
{
    m_api->get(casePath(caseId) + QStringLiteral("/delivery"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error));
    }, context);
}

void CaseApi::fetchResult(const QString &caseId, Done<QJsonObject> done, QObject *context)
{
    m_api->get(casePath(caseId) + QStringLiteral("/result"), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error));
    }, context);
}

void CaseApi::issueRatingToken(const QString &caseId, const QString &event, Done<QString> done, QObject *context)
{
    m_api->post(casePath(caseId) + QStringLiteral("/rating-tokens"), {{QStringLiteral("event"), event}},
                [done](const ApiResponse &r) {
                    done(r.ok() ? succeeded(text(r.object(), "token")) : failed<QString>(r.error));
                }, context);
}

void CaseApi::findCaseId(const QString &number, Done<QString> done, QObject *context)
{
    CaseQuery query;
    query.number = number.trimmed().toUpper();
    query.limit = 1;
    m_api->get(query.path(), [done](const ApiResponse &r) {
        if (!r.ok()) {
            done(failed<QString>(r.error));
            return;
        }
        const QJsonArray items = r.object().value(QLatin1String("items")).toArray();
        if (items.isEmpty()) {
            ApiError notFound;
            notFound.kind = ApiError::Kind::Http;
            notFound.status = 404;
            notFound.code = QStringLiteral("not_found");
            done(failed<QString>(notFound));
            return;
        }
        done(succeeded(text(items.first().toObject(), "id")));
    }, context);
}

void CaseApi::rate(const QString &caseId, const Rating &rating, Done<QJsonObject> done, QObject *context)
{
    m_api->post(casePath(caseId) + QStringLiteral("/evaluations"), rating.toJson(), [done](const ApiResponse &r) {
        done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error));
    }, context);
}

void CaseApi::addFollowUpNote(const QString &followUpId, const QString &note, Done<QJsonObject> done, QObject *context)
{
    m_api->post(QStringLiteral("/follow-ups/%1/notes").arg(followUpId), {{QStringLiteral("note"), note}},
                [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                context);
}

void CaseApi::closeFollowUp(const QString &followUpId, const QString &resolution, int secondLevel,
                            Done<QJsonObject> done, QObject *context)
{
    m_api->post(QStringLiteral("/follow-ups/%1/close").arg(followUpId),
                {{QStringLiteral("resolution"), resolution}, {QStringLiteral("secondLevel"), secondLevel}},
                [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                context);
}

void CaseApi::createTransfer(const QStringList &caseIds, const QString &note, const QString &idempotencyKey,
                             Done<QJsonObject> done, QObject *context)
{
    QJsonObject body{{QStringLiteral("cases"), QJsonArray::fromStringList(caseIds)}};
    if (!note.trimmed().isEmpty())
        body.insert(QStringLiteral("note"), note.trimmed());
    m_api->create(QStringLiteral("/transfers"), body,
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, idempotencyKey);
}

void CaseApi::fetchTransferByCode(const QString &code, Done<QJsonObject> done, QObject *context)
{
    m_api->get(QStringLiteral("/transfers/by-code/") + QString::fromUtf8(QUrl::toPercentEncoding(code.trimmed(), ":")),
               [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
               context);
}

void CaseApi::recordArrival(const QString &transferId, const QJsonArray &missing, const QString &idempotencyKey,
                            Done<QJsonObject> done, QObject *context)
{
    m_api->create(QStringLiteral("/transfers/%1/arrival").arg(transferId), {{QStringLiteral("missing"), missing}},
                  [done](const ApiResponse &r) { done(r.ok() ? succeeded(r.object()) : failed<QJsonObject>(r.error)); },
                  context, idempotencyKey);
}

} // namespace onewindow::models
