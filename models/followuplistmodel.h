#pragma once

#include "apilistmodel.h"

namespace onewindow::models {

/// The follow-ups of bad ratings in a supervisor's hall (GET /follow-ups?state=…), newest first:
/// the case, the rating and the citizen's comment, where it stands against its due date, and whom
/// to call back. State and rating are said in words, never by colour alone.
class FollowUpListModel : public ApiListModel
{
    Q_OBJECT

public:
    explicit FollowUpListModel(ApiClient *api, QObject *parent = nullptr);
    ~FollowUpListModel() override;

    /// open (overdue ones included), overdue or closed.
    void loadState(const QString &state);
    /// Replaces one follow-up by the server's newer answer (after a note or closing).
    void update(const QJsonObject &followUp);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

} // namespace onewindow::models
