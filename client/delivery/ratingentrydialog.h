#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace onewindow::models {
class CaseApi;
}

namespace onewindow::client {

/// A supervisor enters a citizen's rating that came on a paper form or as an SMS reply: the case
/// by its number, the service rated, the level and the comment. Accepted once the server recorded
/// it (a bad one opens a follow-up).
class RatingEntryDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RatingEntryDialog(models::CaseApi *cases, QWidget *parent = nullptr);

private:
    void record();
    void say(const QString &text);

    QPointer<models::CaseApi> m_cases;
    QLineEdit *m_number;
    QComboBox *m_event;
    QComboBox *m_level;
    QComboBox *m_channel;
    QLineEdit *m_comment;
    QLabel *m_message;
    QPushButton *m_record;
};

} // namespace onewindow::client
