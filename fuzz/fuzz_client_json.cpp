// The client's mapping of the server's JSON (models/): QJsonDocument::fromJson of the bytes,
// then the functions and models that turn an answer into the client's structures and texts.
// Whatever the server (or something posing as it) answers, the client shows it or an error
// and does not crash. The first byte picks the mapping:
//   0 the signed-in user (POST /sessions, GET /me): UserInfo::fromJson, and back through toJson
//   1 an error answer (problem+json): ApiError::fromProblem and the user's message
//   2 a case's parts, conditions, attachments, an applicant's refusals, the review counts
//   3 deficiencies: the counts, a deficiency's history, a reminder, a case's outstanding summary
//   4 an ID card as the reader's file gives it: IdentityCard::fromJson
//   5 a matter's version differences and a transfer's state text
//   6 the audit trail's entries as CSV
//   7 the matter catalog and a transfer's items, as the item models show them
//   8 GET /health as the server clock learns from it

#include "fuzz.h"

#include "apiclient.h"
#include "apierror.h"
#include "auditlog.h"
#include "caseapi.h"
#include "deficiencytracking.h"
#include "identityreader.h"
#include "matteradmin.h"
#include "mattercatalogmodel.h"
#include "serverclock.h"
#include "transferitemmodel.h"
#include "transferlistmodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

using namespace onewindow::models;
using onewindow::fuzz::require;

namespace {

/// Every cell of every role a view could ask for.
void readAll(const QAbstractItemModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        for (int column = 0; column < model.columnCount(); ++column)
            for (int role : {Qt::DisplayRole, Qt::ToolTipRole, Qt::UserRole, Qt::TextAlignmentRole,
                             Qt::AccessibleTextRole})
                (void)model.data(model.index(row, column), role);
    for (int column = 0; column < model.columnCount(); ++column)
        (void)model.headerData(column, Qt::Horizontal, Qt::DisplayRole);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const QJsonObject o = document.object();
    const QJsonArray a = document.array();

    switch (data[0] % 9) {
    case 0: {
        const UserInfo user = UserInfo::fromJson(o);
        const UserInfo back = UserInfo::fromJson(user.toJson());
        require(back.toJson() == user.toJson(), "a user reads back from its own JSON the same");
        break;
    }
    case 1: {
        const ApiError e = ApiError::fromProblem(400 + static_cast<int>(size % 200), o);
        require(e.isError(), "an error answer is an error");
        require(!e.userMessage().isEmpty(), "an error answer has a message for the user");
        (void)e.isRetryable();
        for (const auto &field : e.fieldErrors)
            (void)ApiError::fieldMessage(field);
        for (const auto &material : e.missing)
            (void)ApiError::missingReason(material.reason);
        break;
    }
    case 2:
        (void)CasePart::listFromJson(o);
        (void)CaseCondition::listFromJson(o);
        (void)CaseAttachment::listFromJson(o);
        (void)ApplicantRefusal::listFromJson(o);
        (void)ReviewCounts::fromJson(o);
        break;
    case 3:
        (void)DeficiencyCounts::fromJson(o);
        (void)DeficiencyTracking::history(o, QStringLiteral("2026-11-27T09:00:00+08:00"));
        (void)DeficiencyTracking::reminderText(o);
        (void)DeficiencyTracking::outstandingSummary(o);
        break;
    case 4: {
        const IdentityCard card = IdentityCard::fromJson(o);
        (void)IdentityCard::fromJson(card.toJson());
        break;
    }
    case 5:
        (void)CatalogAdmin::describeDiff(o);
        (void)TransferListModel::stateText(o);
        break;
    case 6:
        (void)AuditLog::toCsv(a);
        break;
    case 7: {
        MatterCatalogModel matters;
        matters.setMatters(a);
        readAll(matters);
        MatterFilterModel filter;
        filter.setSourceModel(&matters);
        filter.setQuery(QStringLiteral("sq"));
        readAll(filter);
        TransferItemModel items;
        items.setTransfer(o);
        readAll(items);
        break;
    }
    default: {
        ServerClock clock(nullptr);
        if (clock.learn(o))
            require(clock.today().isValid(), "a learned date is a real day");
        (void)clock.restore(o);
        break;
    }
    }
    return 0;
}
