#include "syncpage.h"

#include "printing/documentrenderer.h"

#include "models/apiclient.h"
#include "models/apierror.h"
#include "models/localstore.h"
#include "models/outboxmodel.h"
#include "models/serverclock.h"
#include "models/syncengine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

namespace onewindow::client {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

/// The one-time notice of an intake the server refused: what it found missing, and each
/// problem of a field or a material (a licence the applicant does not hold) as an item.
printing::PrintInput noticeInput(const QJsonObject &entry, const QHash<QString, QJsonObject> &catalog, const QDate &today)
{
    const QJsonObject body = entry.value(QLatin1String("body")).toObject();
    const QJsonObject answer = entry.value(QLatin1String("answer")).toObject();
    QJsonArray matters;
    for (const auto &code : body.value(QLatin1String("matters")).toArray()) {
        const QJsonObject known = catalog.value(code.toString());
        matters.append(QJsonObject{{QStringLiteral("code"), code},
                                   {QStringLiteral("name"), known.value(QLatin1String("name")).toString(code.toString())},
                                   {QStringLiteral("department"), known.value(QLatin1String("department"))}});
    }
    printing::PrintInput input;
    input.caseObject = QJsonObject{{QStringLiteral("matters"), matters},
                                   {QStringLiteral("bundle"), body.value(QLatin1String("bundle"))},
                                   {QStringLiteral("applicant"), body.value(QLatin1String("applicant"))},
                                   {QStringLiteral("center"), body.value(QLatin1String("center"))}};
    input.missing = printing::MissingItem::fromJson(answer.value(QLatin1String("missing")).toArray());
    static const QRegularExpression materialField(QStringLiteral("^materials\\[(\\d+)\\]"));
    const QJsonArray materials = body.value(QLatin1String("materials")).toArray();
    for (const auto &e : answer.value(QLatin1String("errors")).toArray()) {
        const QJsonObject error = e.toObject();
        const QString field = text(error, "field");
        const auto match = materialField.match(field);
        const QString code = match.hasMatch() ? text(materials.at(match.captured(1).toInt()).toObject(), "code") : field;
        input.missing.append({code, code, text(error, "code")});
    }
    input.reason = SyncPage::tr("The intake taken in offline could not be accepted when it reached the server.");
    input.date = today;
    return input;
}

} // namespace

SyncPage::SyncPage(models::ApiClient *api, models::LocalStore *store, models::SyncEngine *engine,
                   const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_store(store)
    , m_engine(engine)
    , m_registries(registries)
    , m_model(new models::OutboxModel(store, this))
    , m_summary(new QLabel(this))
    , m_table(makeTable(this))
    , m_details(new QLabel(this))
    , m_sendNow(new QPushButton(this))
    , m_print(new QPushButton(this))
    , m_message(makeMessage(this))
{
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(models::OutboxModel::Number, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(models::OutboxModel::State, QHeaderView::Stretch);
    m_summary->setObjectName(QStringLiteral("outboxSummary"));
    m_details->setObjectName(QStringLiteral("outboxDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFocusPolicy(Qt::TabFocus);
    m_print->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_print);
    bar->addWidget(m_sendNow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_message);

    connect(m_model, &models::OutboxModel::loaded, this, [this] {
        int refused = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            refused += m_model->index(row, 0).data(models::OutboxModel::StateRole).toString() == QLatin1String("refused");
        const int waiting = m_model->waiting();
        const QString summary = waiting == 0 && refused == 0
                                    ? tr("Every intake taken in offline has reached the server.")
                                    : tr("%n intake(s) waiting to be sent", nullptr, waiting)
                                          + (refused ? QStringLiteral("; ") + tr("%n refused by the server", nullptr, refused)
                                                     : QString());
        m_summary->setText(summary);
        m_summary->setAccessibleName(summary);
        emit countChanged(waiting, refused > 0 ? refused : -1);
        updateDetails();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SyncPage::updateDetails);
    connect(m_sendNow, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->syncNow();
    });
    connect(m_print, &QPushButton::clicked, this, &SyncPage::printNotice);
    if (m_engine) {
        connect(m_engine, &models::SyncEngine::idle, m_model, &models::OutboxModel::reload);
        connect(m_engine, &models::SyncEngine::sent, m_model, &models::OutboxModel::reload);
        connect(m_engine, &models::SyncEngine::refused, m_model, &models::OutboxModel::reload);
        connect(m_engine, &models::SyncEngine::waiting, m_model, &models::OutboxModel::reload);
    }
    retranslate();
}

SyncPage::~SyncPage() = default;

void SyncPage::refresh()
{
    // The matters' names first: the store answers in order, so they are there when the list is.
    m_store->matters(this, [this](const QJsonArray &summaries) {
        m_matters.clear();
        for (const auto &m : summaries)
            m_matters.insert(text(m.toObject(), "code"), m.toObject());
    });
    m_model->reload();
}

void SyncPage::focusFirst()
{
    m_table->setFocus();
}

int SyncPage::currentRow() const
{
    return m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
}

void SyncPage::updateDetails()
{
    const int row = currentRow();
    const QString state = row < 0 ? QString() : m_model->index(row, 0).data(models::OutboxModel::StateRole).toString();
    const QString details = row < 0 ? QString() : m_model->index(row, models::OutboxModel::State).data().toString();
    m_details->setText(details);
    m_details->setAccessibleName(details.isEmpty() ? tr("Details of the selected intake") : details);
    m_print->setEnabled(state == QLatin1String("refused"));
}

bool SyncPage::saveNotice(int row, const QString &path)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid() || index.data(models::OutboxModel::StateRole).toString() != QLatin1String("refused")) {
        showMessage(m_message, tr("Only an intake the server refused has a notice to print."));
        return false;
    }
    printing::DocumentRenderer renderer(m_registries);
    const bool ok = renderer.renderPdf(printing::PrintDocument::OneTimeNotice,
                                       noticeInput(index.data(models::OutboxModel::EntryRole).toJsonObject(), m_matters,
                                                   m_api->clock()->today()),
                                       path);
    showMessage(m_message, ok ? QString() : renderer.errorString());
    return ok;
}

void SyncPage::printNotice()
{
    const int row = currentRow();
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const printing::PrintInput input =
        noticeInput(index.data(models::OutboxModel::EntryRole).toJsonObject(), m_matters, m_api->clock()->today());
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, &input](QPrinter *p) {
        printing::DocumentRenderer renderer(m_registries);
        if (!renderer.print(printing::PrintDocument::OneTimeNotice, input, p))
            showMessage(m_message, renderer.errorString());
    });
    preview.setWindowModality(Qt::WindowModal);
    preview.exec();
}

void SyncPage::retranslate()
{
    m_table->setAccessibleName(tr("Intakes taken in offline"));
    m_sendNow->setText(tr("&Send now"));
    m_sendNow->setAccessibleName(tr("Send now"));
    m_print->setText(tr("&Print the one-time notice"));
    m_print->setAccessibleName(tr("Print the one-time notice"));
    updateDetails();
}

} // namespace onewindow::client
