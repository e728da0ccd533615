#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QPointer>

namespace onewindow::models {

class LocalStore;

/// The intakes taken in without the network, as the sync page lists them (LocalStore::outbox,
/// oldest first): the reserved number, the applicant, the matters, and where each stands in
/// words (waiting, sent, refused with the server's reasons); reload() after the SyncEngine moved.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Applicant, Matters, State, LastColumn = State };
    enum Role { KeyRole = Qt::UserRole + 1, StateRole, EntryRole };

    explicit OutboxModel(LocalStore *store, QObject *parent = nullptr);
    ~OutboxModel() override;

    void reload();
    /// How many are still waiting to be sent.
    int waiting() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loaded();

private:
    QPointer<LocalStore> m_store;
    QJsonArray m_entries;
};

} // namespace onewindow::models
