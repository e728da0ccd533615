#include "refusaldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace onewindow::client {

RefusalDialog::RefusalDialog(const QList<QPair<QString, QString>> &reasons, bool oneTimeNotice, QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_reason(new QComboBox(this)), m_note(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Not accepted: put the refusal on record"));
    m_kind->addItem(tr("One-time notice: what to bring or correct, all at once"), QStringLiteral("one_time_notice"));
    m_kind->addItem(tr("Non-acceptance: the application cannot be accepted here"), QStringLiteral("non_acceptance"));
    m_kind->setCurrentIndex(oneTimeNotice ? 0 : 1);
    m_kind->setAccessibleName(tr("Kind of refusal"));
    for (const auto &[code, text] : reasons)
        m_reason->addItem(text, code);
    m_reason->setAccessibleName(tr("Reason for not accepting"));
    m_note->setMaxLength(500);
    m_note->setAccessibleName(tr("Note for the applicant"));
    m_note->setPlaceholderText(tr("Optional: what the applicant was told"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Record and print"));
    ok->setAccessibleName(tr("Record the refusal"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    if (reasons.isEmpty()) {
        // The catalog on this PC predates the matters' lists: nothing can be chosen.
        m_problem->setText(tr("The matter lists no reasons for not accepting yet. Refresh the catalog (F5) and try again."));
        ok->setEnabled(false);
    }
    m_problem->setAccessibleName(m_problem->text());

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(m_problem);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_kind->setFocus();
}

QString RefusalDialog::kind() const { return m_kind->currentData().toString(); }
QString RefusalDialog::reason() const { return m_reason->currentData().toString(); }
QString RefusalDialog::note() const { return m_note->text(); }

} // namespace onewindow::client
