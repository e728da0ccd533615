#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLabel;
class QLineEdit;

namespace onewindow::client {

/// Asks how the counter refuses an application it does not accept, for the record: a one-time
/// notice (一次性告知: what to bring, all at once) or a non-acceptance (不予受理), the reason from
/// the matters' list, and a note.
class RefusalDialog : public QDialog
{
    Q_OBJECT

public:
    /// `reasons`: code and text, as IntakeSession::refusalReasons() gives them. `oneTimeNotice`:
    /// the kind offered first (something is missing or wrong).
    RefusalDialog(const QList<QPair<QString, QString>> &reasons, bool oneTimeNotice, QWidget *parent = nullptr);

    QString kind() const;   ///< one_time_notice or non_acceptance
    QString reason() const; ///< the reason's code
    QString note() const;

private:
    QComboBox *m_kind;
    QComboBox *m_reason;
    QLineEdit *m_note;
    QLabel *m_problem;
};

} // namespace onewindow::client
