#include "adminwidgets.h"

#include "models/apierror.h"

#include <QHeaderView>
#include <QTableWidget>

namespace onewindow::client {

QTableWidget *makeRowsTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString problemText(const models::ApiError &error)
{
    QString message = error.userMessage();
    for (const auto &f : error.fieldErrors)
        message += QStringLiteral("\n• %1: %2").arg(f.field, f.message.isEmpty() ? models::ApiError::fieldMessage(f) : f.message);
    return message;
}

} // namespace onewindow::client
