#include "shareholderspage.h"

#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "domain/registeredcapital.h"
#include "tr.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <string>

namespace onewindow::market {

namespace {

const QChar kBetweenShareholders(0xFF1B); // ；
const QChar kBetweenParts(0xFF0C);        // ，
const QString kWanYuan = QStringLiteral("万元");

enum ShareholderColumn { Name, Identifier, Amount, ColumnCount };

std::optional<std::int64_t> fenOf(const QString &amount)
{
    const auto parsed = RegisteredCapital::parse(amount.trimmed().toStdString());
    return parsed ? std::optional(parsed->fen()) : std::nullopt;
}

/// 万元 from fen (millionths of 万元), without trailing zeros: 100, 250.5.
QString wanYuan(std::int64_t fen)
{
    QString text = QString::number(fen / 1'000'000);
    if (const std::int64_t rest = fen % 1'000'000; rest != 0) {
        QString decimals = QString::number(rest).rightJustified(6, QLatin1Char('0'));
        while (decimals.endsWith(QLatin1Char('0')))
            decimals.chop(1);
        text += QLatin1Char('.') + decimals;
    }
    return text;
}

bool validIdentifier(const QString &identifier)
{
    const std::string text = identifier.trimmed().toUpper().toStdString();
    return IdNumber::check(text) == IdNumber::Problem::None || CreditCode::check(text) == CreditCode::Problem::None;
}

} // namespace

QString shareholdersText(const QList<Shareholder> &shareholders)
{
    QStringList parts;
    for (const Shareholder &s : shareholders) {
        QString amount = s.amount.trimmed();
        if (!amount.isEmpty())
            amount += kWanYuan;
        parts << s.name.trimmed() + kBetweenParts + s.identifier.trimmed() + kBetweenParts + amount;
    }
    return parts.join(kBetweenShareholders);
}

QList<Shareholder> parseShareholders(const QString &text)
{
    QList<Shareholder> out;
    for (const QString &part : text.split(kBetweenShareholders, Qt::SkipEmptyParts)) {
        const QStringList fields = part.split(kBetweenParts);
        if (fields.size() != 3) {
            out.append({part.trimmed(), QString(), QString()});
            continue;
        }
        QString amount = fields[2].trimmed();
        if (amount.endsWith(kWanYuan))
            amount.chop(kWanYuan.size());
        out.append({fields[0].trimmed(), fields[1].trimmed(), amount});
    }
    return out;
}

ShareholdersEdit::ShareholdersEdit(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(Tr::tr("&Add shareholder"), this))
    , m_remove(new QPushButton(Tr::tr("Remo&ve shareholder"), this))
{
    m_table->setHorizontalHeaderLabels(
        {Tr::tr("Name"), Tr::tr("ID number or credit code"), Tr::tr("Contribution (10,000 yuan)")});
    m_table->setAccessibleName(Tr::tr("Shareholders"));
    m_table->horizontalHeader()->setAccessibleName(Tr::tr("Shareholder columns"));
    // The identifier is the longest (18 characters); the amount fits its header.
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(Name, 160);
    m_table->horizontalHeader()->setSectionResizeMode(Identifier, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Amount, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setMinimumHeight(120);
    m_add->setAccessibleName(Tr::tr("Add shareholder"));
    m_remove->setAccessibleName(Tr::tr("Remove shareholder"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow({});
        m_table->setCurrentCell(m_table->rowCount() - 1, Name);
        m_table->setFocus();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, Name));
        emit textChanged();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        updateButtons();
        emit textChanged();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit textChanged();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &ShareholdersEdit::updateButtons);
    updateButtons();
}

ShareholdersEdit::~ShareholdersEdit() = default;

QList<Shareholder> ShareholdersEdit::shareholders() const
{
    QList<Shareholder> out;
    const auto cell = [this](int row, int column) {
        const QTableWidgetItem *item = m_table->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Shareholder s{cell(row, Name), cell(row, Identifier), cell(row, Amount)};
        if (!s.name.isEmpty() || !s.identifier.isEmpty() || !s.amount.isEmpty())
            out.append(s);
    }
    return out;
}

QString ShareholdersEdit::text() const
{
    return shareholdersText(shareholders());
}

void ShareholdersEdit::setText(const QString &text)
{
    if (text == this->text())
        return;
    m_filling = true;
    m_table->setRowCount(0);
    for (const Shareholder &s : parseShareholders(text))
        addRow(s);
    m_filling = false;
    updateButtons();
    emit textChanged();
}

void ShareholdersEdit::addRow(const Shareholder &shareholder)
{
    const bool filling = m_filling;
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, Name, new QTableWidgetItem(shareholder.name));
    m_table->setItem(row, Identifier, new QTableWidgetItem(shareholder.identifier));
    auto *amount = new QTableWidgetItem(shareholder.amount);
    amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, Amount, amount);
    m_filling = filling;
    updateButtons();
}

void ShareholdersEdit::updateButtons()
{
    m_remove->setEnabled(m_table->currentRow() >= 0 && m_table->rowCount() > 0);
}

ShareholdersPage::ShareholdersPage(QWidget *parent)
    : QWizardPage(parent)
    , m_capital(new QLineEdit(this))
    , m_shareholders(new ShareholdersEdit(this))
    , m_status(new QLabel(this))
{
    setTitle(Tr::tr("Shareholders and their contributions"));
    setSubTitle(Tr::tr("The contributions the shareholders subscribe add up to the registered capital."));
    // Named after the form's fields: the intake takes these as the fields' editors.
    m_capital->setObjectName(QStringLiteral("registered_capital"));
    m_capital->setAccessibleName(Tr::tr("Registered capital (10,000 yuan)"));
    m_shareholders->setObjectName(QStringLiteral("shareholders"));
    m_shareholders->setAccessibleName(Tr::tr("Shareholders"));
    m_status->setAccessibleName(Tr::tr("Contributions"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    auto *capitalLabel = new QLabel(Tr::tr("Registered &capital (10,000 yuan):"), this);
    capitalLabel->setBuddy(m_capital);
    form->addRow(capitalLabel, m_capital);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_shareholders);
    layout->addWidget(m_status);

    connect(m_capital, &QLineEdit::textChanged, this, &ShareholdersPage::update);
    connect(m_shareholders, &ShareholdersEdit::textChanged, this, &ShareholdersPage::update);
    update();
}

ShareholdersPage::~ShareholdersPage() = default;

QString ShareholdersPage::problem() const
{
    const QList<Shareholder> shareholders = m_shareholders->shareholders();
    if (shareholders.isEmpty())
        return Tr::tr("Add at least one shareholder.");
    std::int64_t total = 0;
    for (qsizetype i = 0; i < shareholders.size(); ++i) {
        const Shareholder &s = shareholders.at(i);
        const int n = static_cast<int>(i + 1);
        if (s.name.isEmpty())
            return Tr::tr("Shareholder %1 has no name.").arg(n);
        if (!s.identifier.isEmpty() && !validIdentifier(s.identifier))
            return Tr::tr("Shareholder %1: %2 is neither a valid ID number nor a valid credit code.").arg(n).arg(s.identifier);
        const auto fen = fenOf(s.amount);
        if (!fen)
            return Tr::tr("Shareholder %1: the contribution is not an amount in 10,000 yuan, such as 60 or 12.5.").arg(n);
        total += *fen;
    }
    // The registered capital's own check speaks for it on the form; the sum is the page's.
    const auto capital = fenOf(m_capital->text());
    if (capital && total != *capital)
        return Tr::tr("The contributions add up to %1 (10,000 yuan), the registered capital is %2.")
            .arg(wanYuan(total), wanYuan(*capital));
    return {};
}

bool ShareholdersPage::isComplete() const
{
    return problem().isEmpty();
}

void ShareholdersPage::update()
{
    const QString problem = this->problem();
    if (problem.isEmpty()) {
        std::int64_t total = 0;
        for (const Shareholder &s : m_shareholders->shareholders())
            total += fenOf(s.amount).value_or(0);
        m_status->setText(Tr::tr("%n shareholder(s); the contributions add up to %1 (10,000 yuan), the registered capital.",
                                 nullptr, static_cast<int>(m_shareholders->shareholders().size()))
                              .arg(wanYuan(total)));
    } else {
        m_status->setText(problem);
    }
    // Named "Contributions" for a screen reader, which reads what it says as its description.
    m_status->setAccessibleDescription(m_status->text());
    emit completeChanged();
}

} // namespace onewindow::market
