#pragma once

#include "apilistmodel.h"

namespace onewindow::models {

/// Batches of paper materials between a village centre and its hall (GET /transfers?state=…),
/// newest first: the centre's own for an agent, those addressed to the hall for its clerks. Each
/// with its code, route, who sent it and when, how many cases, and where it stands in words
/// (on its way; arrived, with how many items missing).
class TransferListModel : public ApiListModel
{
    Q_OBJECT

public:
    explicit TransferListModel(ApiClient *api, QObject *parent = nullptr);
    ~TransferListModel() override;

    /// in_transit or arrived.
    void loadState(const QString &state);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// A batch's state in words: on its way, or arrived with the missing items counted.
    static QString stateText(const QJsonObject &transfer);
};

} // namespace onewindow::models
