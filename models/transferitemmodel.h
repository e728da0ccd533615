#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace onewindow::models {

/// The items of one batch of paper materials, as the hall's clerk checks them against the paper
/// in hand: each received unless unticked, a missing one with what the clerk writes about it.
/// Editable only while the batch is on its way; an arrived batch shows what was recorded.
class TransferItemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit TransferItemModel(QObject *parent = nullptr);
    ~TransferItemModel() override;

    /// A batch as the server answered it (GET /transfers/…); every item ticked received.
    void setTransfer(const QJsonObject &transfer);
    QJsonObject transfer() const { return m_transfer; }
    bool isEditable() const;
    /// The arrival's `missing` list: [{item, note}] of every unticked item.
    QJsonArray missing() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QJsonObject item;
        bool received = true;
        QString note;
    };
    QJsonObject m_transfer;
    QHash<QString, QString> m_applicants; ///< case id -> applicant's name
    QList<Row> m_rows;
};

} // namespace onewindow::models
