#pragma once

#include <QStringList>

class QTableWidget;
class QWidget;

namespace onewindow::models {
class ApiError;
}

namespace onewindow::client {

/// A read-only table of rows chosen whole, one at a time, with these column headers: the lists
/// of the administration forms (a draft's fields and materials, the centres, the bundles).
QTableWidget *makeRowsTable(const QStringList &headers, QWidget *parent);

/// The server's refusal as one text for a form: its message, then every field's.
QString problemText(const models::ApiError &error);

} // namespace onewindow::client
