#pragma once

#include "modelenums.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace onewindow::models {

class ApiClient;
class ServerClock;

/// One department's cases accepted today, "today" being the server's date (ServerClock), never
/// the counter PC's: a PC with a wrong clock must not hide or add cases. Reads
/// GET /cases?department=<code> (newest first) page by page until it reaches a case of an earlier
/// day, and refreshes itself when the server's date turns. Given matter codes, it keeps only the
/// cases with one of them (the market regulation's establishments, say). Columns and roles:
/// TodayCaseColumn, TodayCaseRole.
class TodayCasesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// `department`: a department code ("HF"); `matters`: the matter codes to keep, empty for
    /// every matter of the department.
    TodayCasesModel(ApiClient *api, ServerClock *clock, const QString &department, const QStringList &matters = {},
                    QObject *parent = nullptr);
    ~TodayCasesModel() override;

    QString department() const { return m_department; }
    QStringList matters() const { return m_matters; }

    /// Asks the server again; a refresh started while one runs replaces it.
    void refresh();
    bool isLoading() const { return m_loading; }
    /// The server's date of the last successful refresh; invalid before.
    QDate today() const { return m_today; }
    /// Why the last refresh failed, in the user's language; empty after a success.
    QString errorString() const { return m_error; }
    /// How many of the rows are organisations (enterprises) rather than persons.
    int organizationCount() const;

    /// Whether a case (a summary, or a full case) belongs on the list: a matter of the department
    /// (code "<department>-..."), and one of `matters` when they are given.
    bool keeps(const QJsonObject &caseObject) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loadingChanged(bool loading);
    /// The rows now show the server's today.
    void refreshed();
    void failed(const QString &message);

private:
    void fetchPage(const QString &cursor, int generation, int page);
    void fail(const QString &message);
    void setLoading(bool loading);

    QPointer<ApiClient> m_api;
    QPointer<ServerClock> m_clock;
    QString m_department;
    QStringList m_matters;
    QList<QJsonObject> m_cases;
    QList<QJsonObject> m_incoming; ///< collected over the pages of the refresh in progress
    QDate m_today;
    QDate m_incomingToday;
    QString m_error;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace onewindow::models
