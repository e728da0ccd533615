#pragma once

#include "apiclient.h"
#include "modelenums.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>

#include <functional>

namespace onewindow::models {

/// What GET /stats/summary is asked: the period, and optionally one centre.
struct StatsQuery
{
    QDate from;
    QDate to;
    QString center;

    /// The path under /api/v1, with `format` (json or csv).
    QString path(const QString &format = QStringLiteral("json")) const;
    /// The first page of the cases a figure counts in this period (GET /cases?figure=).
    QString casesPath(const QString &figure, const QString &center = {}) const;
};

/// The figures of a summary, one a row: what was counted (in the user's language) and its
/// value (rates as percentages, working days with one decimal).
class StatsFigureModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit StatsFigureModel(QObject *parent = nullptr);

    void setSummary(const QJsonObject &summary);
    QJsonObject summary() const { return m_summary; }
    /// The row of a figure ("timeLimits.promisedRate"), -1 when there is none.
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Figure
    {
        QString key;
        QString label;
        QJsonValue value;
        enum class Kind { Count, Rate, Days } kind;
    };
    QList<Figure> m_figures;
    QJsonObject m_summary;
};

/// The objects of an array of a summary (its centres, its weeks), one a row.
class SummaryRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    SummaryRowsModel(int columns, QObject *parent);

    void setRows(const QJsonArray &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;

protected:
    const QJsonObject &rowAt(int row) const { return m_rows.at(row); }
    /// The index is one of this model's rows and columns.
    bool isRowIndex(const QModelIndex &index) const;

private:
    QList<QJsonObject> m_rows;
    int m_columns;
};

/// Each centre's cases accepted in the period beside the same days a year before.
class CenterVolumeModel final : public SummaryRowsModel
{
    Q_OBJECT

public:
    explicit CenterVolumeModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// The summary's weeks, one a row: cases accepted, decided, the share decided by the promised
/// date and the share of ratings satisfied.
class WeeklyTrendModel final : public SummaryRowsModel
{
    Q_OBJECT

public:
    explicit WeeklyTrendModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// Loads a summary, and its CSV, from the server; the answers come on the API client's thread.
class StatsApi final : public QObject
{
    Q_OBJECT

public:
    explicit StatsApi(ApiClient *api, QObject *parent = nullptr);

    /// The summary (an error in the user's language when it cannot be had).
    void fetchSummary(const StatsQuery &query, std::function<void(const QJsonObject &summary, const QString &error)> done,
                      QObject *context);
    /// The same figures as the server writes them for a spreadsheet (UTF-8 CSV).
    void fetchCsv(const StatsQuery &query, std::function<void(const QByteArray &csv, const QString &error)> done,
                  QObject *context);

private:
    QPointer<ApiClient> m_api;
};

} // namespace onewindow::models
