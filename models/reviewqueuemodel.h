#pragma once

#include "apilistmodel.h"

#include <QDate>

namespace onewindow::models {

/// An approver's queue (GET /cases with the department's filters, by priority): green-channel
/// cases first, then the soonest promised date; the time left before the promised date said in
/// words, counted from the server's date (the ApiClient's ServerClock), and changing with it.
class ReviewQueueModel : public ApiListModel
{
    Q_OBJECT

public:
    explicit ReviewQueueModel(ApiClient *api, QObject *parent = nullptr);
    ~ReviewQueueModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// "3 days left", "due today", "2 days late": the promised date against `today`.
    static QString timeLeftText(const QDate &promised, const QDate &today);

private:
    QDate m_today;
};

} // namespace onewindow::models
