#pragma once

#include "apierror.h"
#include "apilistmodel.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace onewindow::models {

/// What the auditor searches the trail by (GET /audit); an empty member is no condition.
struct AuditQuery
{
    QString actor;
    QString caseRef; ///< a case's id or number
    QString action;
    QDate from;      ///< first day, included
    QDate to;        ///< last day, included

    /// The path of GET /audit with these conditions (and `limit`).
    QString path(int limit) const;
};

/// The whole audit trail as the auditor searches it, newest first: when, who, what, which case,
/// and the detail the server wrote.
class AuditLogModel : public ApiListModel
{
    Q_OBJECT

public:
    enum Column { At, Actor, Action, Case, Detail, LastColumn = Detail };
    enum Role { ItemRole = Qt::UserRole + 1 };

    explicit AuditLogModel(ApiClient *api, QObject *parent = nullptr);
    ~AuditLogModel() override;

    void search(const AuditQuery &query);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// The auditor's other requests: the check of every chain, and every entry of a search (all
/// its pages) for an export.
class AuditLog : public QObject
{
    Q_OBJECT

public:
    explicit AuditLog(ApiClient *api, QObject *parent = nullptr);
    ~AuditLog() override;

    /// GET /audit/verify: the answer api/openapi.yaml's AuditVerification describes.
    void verify(std::function<void(const QJsonObject &answer, const ApiError &error)> done);
    /// Every entry of `query`, page after page; `progress` after each page with the count so far.
    /// Stops at the first error (then `entries` holds what came before it).
    void fetchAll(const AuditQuery &query, std::function<void(int fetched)> progress,
                  std::function<void(const QJsonArray &entries, const ApiError &error)> done);

    /// The entries as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the
    /// Chinese right): a header line, then one line per entry. A cell that a spreadsheet would
    /// take for a formula (beginning with = + - @, a tab or a carriage return) is prefixed with '.
    static QByteArray toCsv(const QJsonArray &entries);

private:
    void fetchPage(const QString &path, const QString &cursor, QJsonArray entries,
                   std::function<void(int)> progress,
                   std::function<void(const QJsonArray &, const ApiError &)> done);

    ApiClient *m_api;
};

} // namespace onewindow::models
