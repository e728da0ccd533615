#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace onewindow::models {
class ApiClient;
class ServerClock;
} // namespace onewindow::models

namespace onewindow::market {

/// The market regulation cases accepted today, "today" being the server's date (the host's
/// ServerClock, sdk::PluginContext::clock()), never the counter PC's. Reads
/// GET /cases?department=MR (newest first) page by page until it reaches a case of an earlier
/// day, and refreshes itself when the server's date turns.
class TodayMarketCasesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Number,
        Matters,
        Applicant,
        Identifier,
        Status,
        AcceptedAt,
        PromisedDueDate,
        LastColumn = PromisedDueDate
    };

    /// The same facts as plain values, whatever the column.
    enum class Role {
        CaseId = Qt::UserRole + 1,
        Number,
        Matters, ///< QStringList of matter codes
        Applicant, ///< the applicant's name: the enterprise, or the person
        ApplicantKind, ///< "organization" or "person"
        Identifier, ///< an organisation's credit code, a person's masked ID number
        Status, ///< the API's status code, e.g. "accepted"
        AcceptedAt, ///< QDateTime
        PromisedDueDate,
    };

    TodayMarketCasesModel(models::ApiClient *api, models::ServerClock *clock, QObject *parent = nullptr);
    ~TodayMarketCasesModel() override;

    /// Asks the server again; a refresh started while one runs replaces it.
    void refresh();
    bool isLoading() const { return m_loading; }
    /// The server's date of the last successful refresh; invalid before.
    QDate today() const { return m_today; }
    /// Why the last refresh failed, in the user's language; empty after a success.
    QString errorString() const { return m_error; }
    /// How many of the rows are organisations (enterprises) rather than persons.
    int organizationCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Whether a case summary has a market regulation matter (code "MR-...").
    static bool isMarketCase(const QJsonObject &caseSummary);

signals:
    void loadingChanged(bool loading);
    /// The rows now show the server's today.
    void refreshed();
    void failed(const QString &message);

private:
    void fetchPage(const QString &cursor, int generation, int page);
    void fail(const QString &message);
    void setLoading(bool loading);

    QPointer<models::ApiClient> m_api;
    QPointer<models::ServerClock> m_clock;
    QList<QJsonObject> m_cases;
    QList<QJsonObject> m_incoming; ///< collected over the pages of the refresh in progress
    QDate m_today;
    QDate m_incomingToday;
    QString m_error;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace onewindow::market
