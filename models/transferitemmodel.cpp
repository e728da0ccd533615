#include "transferitemmodel.h"

#include "modelenums.h"

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

TransferItemModel::TransferItemModel(QObject *parent) : QAbstractTableModel(parent) {}

TransferItemModel::~TransferItemModel() = default;

void TransferItemModel::setTransfer(const QJsonObject &transfer)
{
    beginResetModel();
    m_transfer = transfer;
    m_applicants.clear();
    for (const auto &c : transfer.value(QLatin1String("cases")).toArray())
        m_applicants.insert(text(c.toObject(), "caseId"), text(c.toObject(), "applicantName"));
    m_rows.clear();
    for (const auto &i : transfer.value(QLatin1String("items")).toArray()) {
        const QJsonObject item = i.toObject();
        const QString state = text(item, "state");
        m_rows.append({item, state != QLatin1String("missing"), text(item, "note")});
    }
    endResetModel();
}

bool TransferItemModel::isEditable() const
{
    return text(m_transfer, "state") == QLatin1String("in_transit");
}

QJsonArray TransferItemModel::missing() const
{
    QJsonArray out;
    for (const Row &row : m_rows) {
        if (!row.received)
            out.append(QJsonObject{{QStringLiteral("item"), text(row.item, "id")},
                                   {QStringLiteral("note"), row.note.trimmed()}});
    }
    return out;
}

int TransferItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TransferItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TransferItemColumn::LastColumn + 1;
}

QVariant TransferItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (column == TransferItemColumn::Received && role == Qt::CheckStateRole)
        return row.received ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case TransferItemColumn::CaseNumber: return text(row.item, "caseNumber");
    case TransferItemColumn::Applicant: return m_applicants.value(text(row.item, "caseId"));
    case TransferItemColumn::Material:
        return text(row.item, "kind") == QLatin1String("case_file") ? tr("Case file (signed acceptance papers)")
                                                                     : text(row.item, "name");
    case TransferItemColumn::Received:
        // In words as well: never by the tick alone.
        if (role == Qt::EditRole)
            return row.received;
        return row.received ? tr("Received") : tr("Missing");
    case TransferItemColumn::Note: return row.note;
    }
    return {};
}

bool TransferItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !isEditable())
        return false;
    Row &row = m_rows[index.row()];
    if (index.column() == TransferItemColumn::Received && (role == Qt::CheckStateRole || role == Qt::EditRole)) {
        const bool received = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
        if (received == row.received)
            return true;
        row.received = received;
        emit dataChanged(index, index.siblingAtColumn(TransferItemColumn::Note));
        return true;
    }
    if (index.column() == TransferItemColumn::Note && role == Qt::EditRole) {
        row.note = value.toString();
        emit dataChanged(index, index);
        return true;
    }
    return false;
}

Qt::ItemFlags TransferItemModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || !isEditable())
        return f;
    if (index.column() == TransferItemColumn::Received)
        f |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    else if (index.column() == TransferItemColumn::Note && !m_rows.at(index.row()).received)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TransferItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TransferItemColumn::CaseNumber: return tr("Case number");
    case TransferItemColumn::Applicant: return tr("Applicant");
    case TransferItemColumn::Material: return tr("Material");
    case TransferItemColumn::Received: return tr("Arrived");
    case TransferItemColumn::Note: return tr("Note on a missing item");
    }
    return {};
}

} // namespace onewindow::models
