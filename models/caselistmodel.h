#pragma once

#include "apilistmodel.h"

namespace onewindow::models {

/// Cases in the user's scope (GET /cases), newest first.
class CaseListModel : public ApiListModel
{
    Q_OBJECT

public:
    explicit CaseListModel(ApiClient *api, QObject *parent = nullptr);
    ~CaseListModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// Deficient materials in the user's scope (GET /deficiencies), soonest due first. "Overdue" and
/// "due today" count from the ApiClient's ServerClock, and change when its date does.
class DeficiencyListModel : public ApiListModel
{
    Q_OBJECT

public:
    explicit DeficiencyListModel(ApiClient *api, QObject *parent = nullptr);
    ~DeficiencyListModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QDate m_today;
};

} // namespace onewindow::models
