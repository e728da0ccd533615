#include "casedialog.h"

#include "models/apiclient.h"
#include "models/deficiencytracking.h"
#include "models/formatting.h"
#include "models/serverclock.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString day(const QString &iso)
{
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : iso;
}

} // namespace

CaseDialog::CaseDialog(models::ApiClient *api, const QString &caseId, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_outstanding(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_deficiencies(new QTreeWidget(this))
{
    setWindowTitle(tr("Case"));
    resize(820, 560);
    QFont bold = m_outstanding->font();
    bold.setBold(true);
    m_outstanding->setFont(bold);
    m_outstanding->setWordWrap(true);
    m_outstanding->setTextFormat(Qt::PlainText);
    m_outstanding->hide();
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setAccessibleName(tr("Case summary"));
    m_deficiencies->setColumnCount(3);
    m_deficiencies->setHeaderLabels({tr("Deficient material"), tr("Due"), tr("State")});
    m_deficiencies->setAccessibleName(tr("Deficiencies and their history"));
    m_deficiencies->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_outstanding);
    layout->addWidget(m_summary);
    layout->addWidget(m_deficiencies, 1);
    layout->addWidget(buttons);
    m_summary->setText(tr("Loading…"));
    load(caseId);
}

void CaseDialog::load(const QString &caseId)
{
    if (!caseId.isEmpty()) {
        m_api->get(QStringLiteral("/cases/") + caseId, [this](const models::ApiResponse &r) {
            if (!r.ok()) {
                m_summary->setText(r.error.userMessage());
                return;
            }
            setCase(r.object());
        }, this);
    }
}

void CaseDialog::setCase(const QJsonObject &c)
{
    setWindowTitle(tr("Case %1").arg(text(c, "number")));
    // What is still owed, first and in words.
    const QString owed = models::DeficiencyTracking::outstandingSummary(c);
    m_outstanding->setText(owed);
    m_outstanding->setAccessibleName(owed);
    m_outstanding->setVisible(!owed.isEmpty());

    QStringList matters;
    for (const auto &m : c.value(QLatin1String("matters")).toArray())
        matters << QStringLiteral("%1 %2").arg(text(m.toObject(), "code"), text(m.toObject(), "name"));
    const QJsonObject applicant = c.value(QLatin1String("applicant")).toObject();
    QStringList lines{tr("Case %1: %2").arg(text(c, "number"), models::caseStatusText(text(c, "status"))),
                      tr("Applicant: %1, phone %2").arg(text(applicant, "name"), text(applicant, "phone")),
                      tr("Matters: %1").arg(matters.join(QStringLiteral("; "))),
                      tr("Promised by %1, legal limit %2").arg(day(text(c, "promisedDueDate")), day(text(c, "legalDueDate")))};
    for (const auto &p : c.value(QLatin1String("clockPauses")).toArray()) {
        const QJsonObject pause = p.toObject();
        lines << (text(pause, "end").isEmpty()
                      ? tr("Clock stopped since %1: %2").arg(day(text(pause, "start").left(10)), text(pause, "reason"))
                      : tr("Clock stopped %1 to %2 (%n working day(s) added): %3", nullptr,
                           pause.value(QLatin1String("workingDays")).toInt())
                            .arg(day(text(pause, "start").left(10)), day(text(pause, "end").left(10)), text(pause, "reason")));
    }
    if (!text(c, "terminatedAt").isEmpty())
        lines << tr("Terminated %1: a deficient material did not come in time.").arg(day(text(c, "terminatedAt").left(10)));
    const QString summary = lines.join(QLatin1Char('\n'));
    m_summary->setText(summary);
    m_summary->setAccessibleDescription(summary);

    m_deficiencies->clear();
    // "Due in" and "overdue by" count from the server's date.
    const QDate today = m_api->clock()->today();
    for (const auto &v : c.value(QLatin1String("deficiencies")).toArray()) {
        const QJsonObject d = v.toObject();
        const QDate due = QDate::fromString(text(d, "dueDate"), Qt::ISODate);
        auto *item = new QTreeWidgetItem(m_deficiencies, {text(d, "materialName"), day(text(d, "dueDate")),
                                                          models::deficiencyStatusText(text(d, "status"), due, today)});
        for (const QString &line : models::DeficiencyTracking::history(d, text(c, "acceptedAt")))
            new QTreeWidgetItem(item, {line});
        item->setFirstColumnSpanned(false);
        item->setExpanded(true);
    }
    for (int i = 0; i < m_deficiencies->topLevelItemCount(); ++i) {
        for (int j = 0; j < m_deficiencies->topLevelItem(i)->childCount(); ++j)
            m_deficiencies->topLevelItem(i)->child(j)->setFirstColumnSpanned(true);
    }
}

} // namespace onewindow::client
