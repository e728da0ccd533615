#include "intakepage.h"
#include "refusaldialog.h"

#include "documentrenderer.h"
#include "printdocument.h"

#include "registries.h"

#include "domain/idnumber.h"
#include "models/apiclient.h"
#include "models/formatting.h"
#include "models/identityreader.h"
#include "models/intakesession.h"
#include "models/localstore.h"
#include "models/mattercatalogmodel.h"
#include "models/modelenums.h"
#include "models/numberstock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QGridLayout>
#include <QGroupBox>
#include <QSet>
#include <QWizardPage>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace onewindow::client {

using models::IntakeSession;

namespace {

QLabel *wrapLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}

QString provisionText(const QString &code)
{
    if (code == QLatin1String("paper"))
        return IntakePage::tr("Paper");
    if (code == QLatin1String("scan"))
        return IntakePage::tr("Scan");
    if (code == QLatin1String("e_license"))
        return IntakePage::tr("Electronic licence");
    if (code == QLatin1String("deficient"))
        return IntakePage::tr("Deficient (supply later)");
    return IntakePage::tr("Not provided");
}

} // namespace

IntakePage::IntakePage(models::ApiClient *api, models::LocalStore *store, const QString &center,
                       models::IdentityReader *reader, const sdk::Registries *registries, QWidget *parent)
    : WorkbenchPageWidget(parent)
    , m_api(api)
    , m_store(store)
    , m_center(center)
    , m_reader(reader)
    , m_session(new IntakeSession(api, store, this))
    , m_cases(new models::CaseApi(api, this))
    , m_registries(registries)
    , m_editors(registries)
    , m_steps(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_resumeLabel(wrapLabel(this))
    , m_resume(new QPushButton(this))
    , m_discard(new QPushButton(this))
    , m_newIntake(new QPushButton(this))
    , m_applicantBar(wrapLabel(this))
{
    m_steps->setMaximumWidth(200);
    for (int i = 0; i < 5; ++i)
        m_steps->addItem(QString());
    buildApplicantStep();
    buildMatterStep();
    buildFormStep();
    buildMaterialsStep();
    buildDecideStep();

    auto *resumeBar = new QHBoxLayout;
    resumeBar->addWidget(m_resumeLabel, 1);
    resumeBar->addWidget(m_resume);
    resumeBar->addWidget(m_discard);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newIntake);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto *right = new QVBoxLayout;
    right->addLayout(resumeBar);
    // Who and what, on every step: the clerk never loses sight of the applicant.
    m_applicantBar->setTextFormat(Qt::PlainText);
    m_applicantBar->setFocusPolicy(Qt::TabFocus);
    m_applicantBar->setFrameShape(QFrame::StyledPanel);
    m_applicantBar->setContentsMargins(6, 3, 6, 3);
    right->addWidget(m_applicantBar);
    right->addWidget(m_stack, 1);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addLayout(right, 1);
    for (QWidget *w : {static_cast<QWidget *>(m_resumeLabel), static_cast<QWidget *>(m_resume),
                       static_cast<QWidget *>(m_discard)})
        w->hide();

    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) { goTo(row); });
    // Back and Next put the keyboard on the new step's first control.
    connect(m_back, &QPushButton::clicked, this, [this] { goTo(m_stack->currentIndex() - 1, true); });
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(m_stack->currentIndex() + 1, true); });
    // The next applicant. An intake left unfinished stays a draft, offered when the page opens again.
    m_newIntake->setShortcut(QKeySequence::New);
    connect(m_newIntake, &QPushButton::clicked, this, [this] {
        newIntake();
        m_accepted = {};
        m_refusal = {};
        updatePrintButtons();
        focusFirst();
    });
    auto *nextKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(nextKey, &QShortcut::activated, this, [this] {
        if (m_stack->currentIndex() == 4)
            submit();
        else
            goTo(m_stack->currentIndex() + 1, true);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        m_store->draft(m_resumeKey, this, [this](const QJsonObject &draft) {
            if (m_session->restore(draft)) {
                m_store->removeDraft(m_session->draftKey() == m_resumeKey ? QString() : m_resumeKey);
                goTo(static_cast<int>(m_session->step()));
            }
            for (QWidget *w : {static_cast<QWidget *>(m_resumeLabel), static_cast<QWidget *>(m_resume),
                               static_cast<QWidget *>(m_discard)})
                w->hide();
        });
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_store->removeDraft(m_resumeKey);
        for (QWidget *w : {static_cast<QWidget *>(m_resumeLabel), static_cast<QWidget *>(m_resume),
                           static_cast<QWidget *>(m_discard)})
            w->hide();
    });
    connect(m_session, &IntakeSession::changed, this, &IntakePage::updateStatus);
    connect(m_session, &IntakeSession::submitted, this, [this](const QJsonObject &c) {
        m_accept->setEnabled(true);
        m_refuse->setEnabled(true);
        m_accepted = c;
        m_refusal = {};
        const QJsonObject refusal = c.value(QLatin1String("refusal")).toObject();
        if (!refusal.isEmpty()) {
            // The notice of a refusal on record carries the case's number and every item.
            const bool oneTime = refusal.value(QLatin1String("kind")).toString() == QLatin1String("one_time_notice");
            m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(
                oneTime ? printing::PrintDocument::OneTimeNotice : printing::PrintDocument::NonAcceptance)));
        }
        updatePrintButtons();
        const QString text = (refusal.isEmpty() ? tr("Accepted: case %1 (%2).")
                                                : tr("Refusal on record: case %1 (%2). Print the notice for the applicant."))
                                 .arg(c.value(QLatin1String("number")).toString(),
                                      models::caseStatusText(c.value(QLatin1String("status")).toString()));
        m_result->setText(text);
        m_result->setAccessibleName(text);
        emit countChanged(-1);
    });
    connect(m_session, &IntakeSession::queued, this, [this](const QString &number, const QJsonObject &body) {
        m_accept->setEnabled(true);
        m_refuse->setEnabled(true);
        m_accepted = m_session->provisionalCase(body, m_clerk);
        m_refusal = {};
        updatePrintButtons();
        const QString text = tr("Taken in offline: case %1. Print the papers; the intake is sent to the server "
                                "when it can be reached.")
                                 .arg(number);
        m_result->setText(text);
        m_result->setAccessibleName(text);
        emit queued(number);
    });
    connect(m_session, &IntakeSession::submitFailed, this, [this](const models::ApiError &error, bool retryable) {
        m_accept->setEnabled(true);
        m_refuse->setEnabled(true);
        if (error.code == QLatin1String("materials_incomplete") || error.code == QLatin1String("commitment_broken")) {
            // Refused on the spot: the one-time notice lists what the server found missing.
            m_refusal = {};
            for (const auto &m : error.missing)
                m_refusal.append(QJsonObject{{QStringLiteral("code"), m.code}, {QStringLiteral("name"), m.name},
                                             {QStringLiteral("reason"), m.reason}});
            m_accepted = {};
            m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(printing::PrintDocument::OneTimeNotice)));
            updatePrintButtons();
        }
        QString text = error.userMessage();
        for (const auto &m : error.missing)
            text += QStringLiteral("\n• %1: %2").arg(m.name, models::ApiError::missingReason(m.reason));
        for (const auto &f : error.fieldErrors)
            text += QStringLiteral("\n• %1: %2").arg(f.field, models::ApiError::fieldMessage(f));
        if (retryable)
            text += QLatin1Char('\n') + tr("The intake is saved; press Accept again when the server is back.");
        m_result->setText(text);
        m_result->setAccessibleName(text);
    });
    if (m_reader) {
        connect(m_reader, &models::IdentityReader::cardRead, this, [this](const models::IdentityCard &card) {
            m_session->applyIdentityCard(card.toJson());
            m_name->setText(card.name);
            m_idNumber->setText(card.idNumber);
            lookUpLicenses();
        });
        connect(m_reader, &models::IdentityReader::failed, this,
                [this](const QString &message) { m_applicantProblems->setText(message); });
    }
    auto *cardKey = new QShortcut(QKeySequence(Qt::Key_F4), this);
    connect(cardKey, &QShortcut::activated, this, &IntakePage::readCard);

    retranslate();
    newIntake();
    offerResume();
}

IntakePage::~IntakePage() = default;

void IntakePage::buildApplicantStep()
{
    auto *page = new QWidget(m_stack);
    auto *form = new QFormLayout(page);
    m_kind = new QComboBox(page);
    m_kind->addItem(QString(), QStringLiteral("person"));
    m_kind->addItem(QString(), QStringLiteral("organization"));
    m_name = new QLineEdit(page);
    m_idNumber = new QLineEdit(page);
    m_idNumber->setMaxLength(18);
    m_creditCode = new QLineEdit(page);
    m_creditCode->setMaxLength(18);
    m_legalRep = new QLineEdit(page);
    m_phone = new QLineEdit(page);
    m_readCard = new QPushButton(page);
    m_applicantProblems = wrapLabel(page);
    m_licenses = wrapLabel(page);
    m_previousRefusal = wrapLabel(page);
    for (int i = 0; i < 6; ++i)
        m_applicantLabels << new QLabel(page);
    form->addRow(m_applicantLabels[0], m_kind);
    form->addRow(m_applicantLabels[1], m_name);
    form->addRow(m_applicantLabels[2], m_idNumber);
    form->addRow(m_applicantLabels[3], m_creditCode);
    form->addRow(m_applicantLabels[4], m_legalRep);
    form->addRow(m_applicantLabels[5], m_phone);
    form->addRow(QString(), m_readCard);
    form->addRow(m_applicantProblems);
    form->addRow(m_licenses);
    form->addRow(m_previousRefusal);
    m_applicantLabels[0]->setBuddy(m_kind);
    m_applicantLabels[1]->setBuddy(m_name);
    m_applicantLabels[2]->setBuddy(m_idNumber);
    m_applicantLabels[3]->setBuddy(m_creditCode);
    m_applicantLabels[4]->setBuddy(m_legalRep);
    m_applicantLabels[5]->setBuddy(m_phone);
    m_stack->addWidget(page);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_session->setApplicantKind(m_kind->currentData().toString());
        updateApplicantProblems();
    });
    const auto bind = [this](QLineEdit *edit, const QString &field) {
        // textChanged, not textEdited: a screen reader or an input method may set the text.
        connect(edit, &QLineEdit::textChanged, this, [this, field](const QString &text) {
            if (m_session->applicantField(field) == text.trimmed())
                return;
            m_session->setApplicantField(field, text.trimmed());
            updateApplicantProblems();
            if (field == QLatin1String("idNumber") || field == QLatin1String("creditCode"))
                lookUpLicenses();
        });
    };
    bind(m_name, QStringLiteral("name"));
    bind(m_idNumber, QStringLiteral("idNumber"));
    bind(m_creditCode, QStringLiteral("creditCode"));
    bind(m_legalRep, QStringLiteral("legalRepresentative"));
    bind(m_phone, QStringLiteral("phone"));
    connect(m_readCard, &QPushButton::clicked, this, &IntakePage::readCard);
}

void IntakePage::buildMatterStep()
{
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    m_search = new QLineEdit(page);
    m_catalog = new models::MatterCatalogModel(this);
    m_filter = new models::MatterFilterModel(this);
    m_filter->setSourceModel(m_catalog);
    m_matters = new QTableView(page);
    m_matters->setModel(m_filter);
    m_matters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matters->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matters->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matters->verticalHeader()->hide();
    m_matters->setTabKeyNavigation(false); // arrows move in the table, Tab leaves it
    m_matters->horizontalHeader()->setStretchLastSection(true);
    m_chosen = wrapLabel(page);
    m_choose = new QPushButton(page);
    m_bundles = new QComboBox(page);
    auto *searchBar = new QHBoxLayout;
    searchBar->addWidget(m_search, 1);
    searchBar->addWidget(m_choose);
    layout->addLayout(searchBar);
    layout->addWidget(m_matters, 1);
    auto *bundleBar = new QHBoxLayout;
    m_bundleLabel = new QLabel(page);
    m_bundleLabel->setBuddy(m_bundles);
    bundleBar->addWidget(m_bundleLabel);
    bundleBar->addWidget(m_bundles, 1);
    layout->addLayout(bundleBar);
    layout->addWidget(m_chosen);
    m_stack->addWidget(page);
    connect(m_search, &QLineEdit::textChanged, m_filter, &models::MatterFilterModel::setQuery);
    // Enter in the search, or the button: the selected matter, else the first one found.
    const auto chooseCurrent = [this] {
        const QModelIndex current = m_matters->selectionModel()->currentIndex();
        const QModelIndex index = current.isValid() ? current : m_filter->index(0, 0);
        if (index.isValid())
            chooseMatter(index.siblingAtColumn(0).data(int(models::MatterRole::Code)).toString());
    };
    connect(m_search, &QLineEdit::returnPressed, this, chooseCurrent);
    connect(m_choose, &QPushButton::clicked, this, chooseCurrent);
    connect(m_search, &QLineEdit::textChanged, m_matters->selectionModel(), &QItemSelectionModel::clear);
    connect(m_matters, &QTableView::activated, this,
            [this](const QModelIndex &index) { chooseMatter(index.data(int(models::MatterRole::Code)).toString()); });
    connect(m_bundles, &QComboBox::activated, this, [this](int index) {
        const QString code = m_bundles->itemData(index).toString();
        if (!code.isEmpty())
            chooseBundle(code);
    });
}

void IntakePage::loadMatter(const QString &code, std::function<void(const QJsonObject &, const QString &)> done)
{
    // The server's definition when it can be reached (kept for offline use), else the one kept.
    const auto fromStore = [this, code, done](const QString &error) {
        m_store->matterDetail(code, this, [this, done, error](const QJsonObject &matter) {
            done(matter, matter.isEmpty() ? (error.isEmpty() ? tr("This matter is not on this PC yet: connect to the "
                                                                  "server once to take it in offline.")
                                                             : error)
                                          : QString());
        });
    };
    if (m_session->isOffline())
        return fromStore({});
    m_api->get(QStringLiteral("/matters/") + code, [this, fromStore, done](const models::ApiResponse &r) {
        if (r.error.kind == models::ApiError::Kind::Network || r.error.kind == models::ApiError::Kind::Timeout)
            return fromStore(r.error.userMessage());
        if (!r.ok())
            return done({}, r.error.userMessage());
        m_store->saveMatterDetail(r.object());
        done(r.object(), {});
    }, this);
}

void IntakePage::chooseBundle(const QString &code)
{
    // A one-thing bundle: every matter's definition, merged by the session (shared fields once).
    m_store->bundles(this, [this, code](const QJsonArray &bundles) {
        QJsonObject bundle;
        for (const auto &b : bundles) {
            if (b.toObject().value(QLatin1String("code")).toString() == code)
                bundle = b.toObject();
        }
        const QJsonArray codes = bundle.value(QLatin1String("matters")).toArray();
        if (codes.isEmpty()) {
            m_chosen->setText(tr("This bundle is not on this PC yet: refresh the catalog (F5)."));
            return;
        }
        auto details = std::make_shared<QJsonArray>();
        auto problem = std::make_shared<QString>();
        auto remaining = std::make_shared<int>(static_cast<int>(codes.size()));
        const QString name = bundle.value(QLatin1String("name")).toString();
        for (const auto &matter : codes) {
            loadMatter(matter.toString(), [this, code, name, details, problem, remaining, codes](
                                              const QJsonObject &detail, const QString &error) {
                if (!detail.isEmpty())
                    details->append(detail);
                else
                    *problem = error;
                if (--*remaining > 0)
                    return;
                if (!problem->isEmpty()) {
                    m_chosen->setText(*problem);
                    return;
                }
                // In the bundle's order, whatever order the answers came in.
                QJsonArray ordered;
                for (const auto &c : codes) {
                    for (const auto &d : *details) {
                        if (d.toObject().value(QLatin1String("code")) == c)
                            ordered.append(d);
                    }
                }
                m_session->setMatters(ordered, code);
                const QString text = tr("Chosen: %1 %2 — %n matter(s) in one intake.", nullptr,
                                        static_cast<int>(ordered.size()))
                                         .arg(code, name);
                m_chosen->setText(text);
                m_chosen->setAccessibleName(text);
                updateStatus();
            });
        }
    });
}

void IntakePage::chooseMatter(const QString &code)
{
    loadMatter(code, [this, code](const QJsonObject &matter, const QString &error) {
        if (matter.isEmpty()) {
            m_chosen->setText(error);
            m_chosen->setAccessibleName(error);
            return;
        }
        m_session->setMatters(QJsonArray{matter});
        const QString text = tr("Chosen: %1 %2").arg(code, matter.value(QLatin1String("name")).toString());
        m_chosen->setText(text);
        m_chosen->setAccessibleName(text);
        goTo(2, true);
    });
}

void IntakePage::buildFormStep()
{
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    m_formHost = new QWidget(page);
    m_form = new QFormLayout(m_formHost);
    m_formProblems = wrapLabel(page);
    layout->addWidget(m_formHost);
    layout->addWidget(m_formProblems);
    layout->addStretch();
    m_stack->addWidget(page);
}

void IntakePage::buildMaterialsStep()
{
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    // One row per material: its name, what the matter requires, a choice of how it was provided
    // and its due date when deficient. Plain widgets in a grid, so that every choice is reachable
    // from the keyboard and through the accessibility tree (a table's cell widgets are not).
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_materials = new QWidget(scroll);
    m_materialGrid = new QGridLayout(m_materials);
    m_materialGrid->setColumnStretch(3, 1);
    m_materialGrid->setAlignment(Qt::AlignTop);
    m_materialGrid->setHorizontalSpacing(16);
    for (int column = 0; column < 4; ++column) {
        auto *header = new QLabel(m_materials);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_materialGrid->addWidget(header, 0, column);
        m_materialHeaders << header;
    }
    scroll->setWidget(m_materials);
    m_produced = wrapLabel(page);
    m_completeness = wrapLabel(page);
    m_notice = wrapLabel(page);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_produced);
    layout->addWidget(m_completeness);
    layout->addWidget(m_notice);
    m_stack->addWidget(page);
}

void IntakePage::buildDecideStep()
{
    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    m_summary = wrapLabel(page);
    // 绿色通道: a major project goes first in every department's queue; the reason is required.
    m_green = new QCheckBox(page);
    m_greenReason = new QLineEdit(page);
    m_greenReason->setMaxLength(200);
    m_greenReason->setEnabled(false);
    auto *greenBar = new QHBoxLayout;
    greenBar->addWidget(m_green);
    greenBar->addWidget(m_greenReason, 1);
    m_accept = new QPushButton(page);
    m_refuse = new QPushButton(page);
    auto *decideBar = new QHBoxLayout;
    decideBar->addWidget(m_accept);
    decideBar->addWidget(m_refuse);
    decideBar->addStretch();
    m_result = wrapLabel(page);
    m_paper = new QComboBox(page);
    for (const auto document : printing::intakePrintDocuments())
        m_paper->addItem(QString(), static_cast<int>(document));
    m_preview = new QPushButton(page);
    m_savePdf = new QPushButton(page);
    auto *printBar = new QHBoxLayout;
    printBar->addWidget(m_paper);
    printBar->addWidget(m_preview);
    printBar->addWidget(m_savePdf);
    printBar->addStretch();
    layout->addWidget(m_summary);
    layout->addLayout(greenBar);
    layout->addLayout(decideBar);
    layout->addWidget(m_result);
    layout->addLayout(printBar);
    layout->addStretch();
    m_stack->addWidget(page);
    connect(m_green, &QCheckBox::toggled, this, [this](bool on) {
        m_greenReason->setEnabled(on);
        m_session->setGreenChannel(on, m_greenReason->text());
        if (on)
            m_greenReason->setFocus();
    });
    connect(m_greenReason, &QLineEdit::textEdited, this,
            [this](const QString &reason) { m_session->setGreenChannel(m_green->isChecked(), reason); });
    connect(m_accept, &QPushButton::clicked, this, &IntakePage::submit);
    connect(m_refuse, &QPushButton::clicked, this, &IntakePage::recordRefusal);
    connect(m_preview, &QPushButton::clicked, this, &IntakePage::previewPaper);
    connect(m_savePdf, &QPushButton::clicked, this, &IntakePage::savePaperAs);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &IntakePage::updatePrintButtons);
    // The office that issues the papers: the name of this centre, kept on this PC for the papers
    // printed without the server.
    const QString officeKey = QStringLiteral("office/") + m_center;
    m_store->value(officeKey, this, [this](const QJsonValue &kept) {
        if (m_officeName.isEmpty())
            m_officeName = kept.toString();
    });
    m_api->get(QStringLiteral("/centers"), [this, officeKey](const models::ApiResponse &r) {
        for (const auto &c : r.object().value(QLatin1String("items")).toArray()) {
            if (c.toObject().value(QLatin1String("code")).toString() == m_center) {
                m_officeName = c.toObject().value(QLatin1String("name")).toString();
                m_store->setValue(officeKey, m_officeName);
            }
        }
    }, this);
}

void IntakePage::retranslate()
{
    const QStringList steps{tr("1 Applicant"), tr("2 Matter"), tr("3 Form"), tr("4 Materials"), tr("5 Decision")};
    for (int i = 0; i < steps.size(); ++i)
        m_steps->item(i)->setText(steps[i]);
    m_steps->setAccessibleName(tr("Intake steps"));
    m_back->setText(tr("&Back"));
    m_back->setAccessibleName(tr("Back"));
    m_next->setText(tr("&Next"));
    m_next->setAccessibleName(tr("Next"));
    m_resume->setText(tr("&Resume"));
    m_resume->setAccessibleName(tr("Resume"));
    m_discard->setText(tr("&Discard"));
    m_discard->setAccessibleName(tr("Discard"));
    m_newIntake->setText(tr("New intake    Ctrl+N"));
    m_newIntake->setAccessibleName(tr("New intake"));
    m_kind->setItemText(0, tr("Person"));
    m_kind->setItemText(1, tr("Organization"));
    const QStringList labels{tr("&Applicant is:"), tr("&Name:"), tr("&ID number:"), tr("&Credit code:"),
                             tr("&Legal representative:"), tr("&Phone:")};
    const QStringList names{tr("Applicant kind"), tr("Applicant name"), tr("ID number"), tr("Credit code"),
                            tr("Legal representative"), tr("Phone")};
    const QList<QWidget *> edits{m_kind, m_name, m_idNumber, m_creditCode, m_legalRep, m_phone};
    for (int i = 0; i < labels.size(); ++i) {
        m_applicantLabels[i]->setText(labels[i]);
        edits[i]->setAccessibleName(names[i]);
    }
    m_readCard->setText(tr("Read ID card    F4"));
    m_readCard->setAccessibleName(tr("Read ID card"));
    m_search->setPlaceholderText(tr("Code, name or pinyin initials, e.g. gjj"));
    m_search->setAccessibleName(tr("Find a matter"));
    m_matters->setAccessibleName(tr("Matters"));
    m_bundles->setAccessibleName(tr("One-thing bundle"));
    m_bundleLabel->setText(tr("Or a &one-thing bundle:"));
    m_materials->setAccessibleName(tr("Materials"));
    const QStringList headers{tr("Material"), tr("Requirement"), tr("Provided as"), tr("Due")};
    for (int i = 0; i < headers.size(); ++i)
        m_materialHeaders[i]->setText(headers[i]);
    m_choose->setText(tr("&Choose"));
    m_choose->setAccessibleName(tr("Choose matter"));
    m_applicantBar->setAccessibleName(tr("Applicant and matter"));
    m_green->setText(tr("&Green channel (major project)"));
    m_green->setAccessibleName(tr("Green channel"));
    m_greenReason->setPlaceholderText(tr("Why: the project, the decision that lists it"));
    m_greenReason->setAccessibleName(tr("Reason for the green channel"));
    m_accept->setText(tr("&Accept    Ctrl+Enter"));
    m_accept->setAccessibleName(tr("Accept"));
    m_refuse->setText(tr("Not accepted: &record the refusal…"));
    m_refuse->setAccessibleName(tr("Record the refusal"));
    for (int i = 0; i < m_paper->count(); ++i)
        m_paper->setItemText(i, printing::printDocumentName(static_cast<printing::PrintDocument>(m_paper->itemData(i).toInt())));
    m_paper->setAccessibleName(tr("Document to print"));
    m_preview->setText(tr("&Print…    Ctrl+P"));
    m_preview->setAccessibleName(tr("Print"));
    m_preview->setShortcut(QKeySequence::Print);
    m_savePdf->setText(tr("Save as P&DF…"));
    m_savePdf->setAccessibleName(tr("Save as PDF"));
    updatePrintButtons();
    m_materialCodes.clear(); // rebuilt in the new language
    if (m_stack->currentIndex() == 3)
        rebuildMaterials();
    if (m_stack->currentIndex() == 2)
        updateFormProblems();
    updateStatus();
}

void IntakePage::newIntake()
{
    m_session->start(m_center);
    for (QLineEdit *e : {m_name, m_idNumber, m_creditCode, m_legalRep, m_phone})
        e->clear();
    m_touchedFields.clear();
    m_materialCodes.clear();
    m_result->clear();
    goTo(0);
    // Due dates count in working days of the server's calendar, from the server's date.
    m_store->calendar(this, [this](const QJsonArray &days) { m_session->setCalendar(days); });
}

void IntakePage::offerResume()
{
    m_store->draftKeys(this, [this](const QStringList &keys) {
        QStringList others;
        for (const QString &k : keys) {
            if (k != m_session->draftKey())
                others << k;
        }
        if (others.isEmpty())
            return;
        m_resumeKey = others.last();
        const QString text = tr("An intake was left unfinished. Resume it?");
        m_resumeLabel->setText(text);
        m_resumeLabel->setAccessibleName(text);
        for (QWidget *w : {static_cast<QWidget *>(m_resumeLabel), static_cast<QWidget *>(m_resume),
                           static_cast<QWidget *>(m_discard)})
            w->show();
    });
}

void IntakePage::refresh()
{
    m_store->matters(this, [this](const QJsonArray &matters) { m_catalog->setMatters(matters); });
    m_store->bundles(this, [this](const QJsonArray &bundles) {
        const QString current = m_bundles->currentData().toString();
        m_bundles->clear();
        m_bundles->addItem(tr("None: one matter"), QString());
        for (const auto &b : bundles)
            m_bundles->addItem(b.toObject().value(QLatin1String("name")).toString(),
                               b.toObject().value(QLatin1String("code")).toString());
        m_bundles->setCurrentIndex(qMax(0, m_bundles->findData(current)));
    });
}

void IntakePage::focusFirst()
{
    switch (m_stack->currentIndex()) {
    case 0: (m_name->text().isEmpty() ? m_name : m_idNumber)->setFocus(); break;
    case 1: m_search->setFocus(); break;
    case 3:
        if (auto *first = m_materials->findChild<QComboBox *>())
            first->setFocus();
        break;
    case 4: m_accept->setFocus(); break;
    case 2: {
        // The first field still to fill, else the first one.
        QWidget *first = nullptr;
        for (int row = 0; row < m_form->rowCount(); ++row) {
            QLayoutItem *item = m_form->itemAt(row, QFormLayout::FieldRole);
            QWidget *editor = item && item->layout() ? item->layout()->itemAt(0)->widget() : nullptr;
            if (!editor)
                continue;
            if (!first)
                first = editor;
            if (FieldEditors::value(editor).isEmpty()) {
                first = editor;
                break;
            }
        }
        (first ? first : m_stack->currentWidget())->setFocus();
        break;
    }
    default: m_stack->currentWidget()->setFocus(); break;
    }
}

void IntakePage::goTo(int step, bool moveFocus)
{
    step = qBound(0, step, 4);
    if (m_stack->currentIndex() != step)
        m_stack->setCurrentIndex(step);
    if (m_steps->currentRow() != step)
        m_steps->setCurrentRow(step);
    m_session->setStep(static_cast<IntakeSession::Step>(step));
    if (step == 2)
        rebuildForm();
    if (step == 3)
        rebuildMaterials();
    m_back->setEnabled(step > 0);
    updateNext();
    // Restore the applicant's fields from the session (after resuming a draft).
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(m_session->applicantKind())));
    const QList<QPair<QLineEdit *, QString>> fields{{m_name, QStringLiteral("name")},
                                                    {m_idNumber, QStringLiteral("idNumber")},
                                                    {m_creditCode, QStringLiteral("creditCode")},
                                                    {m_legalRep, QStringLiteral("legalRepresentative")},
                                                    {m_phone, QStringLiteral("phone")}};
    for (const auto &[edit, field] : fields) {
        if (edit->text() != m_session->applicantField(field))
            edit->setText(m_session->applicantField(field));
    }
    updateApplicantProblems();
    updateStatus();
    if (moveFocus && isVisible())
        focusFirst();
}

void IntakePage::readCard()
{
    if (!m_reader || !m_reader->isAvailable()) {
        m_applicantProblems->setText(tr("No ID-card reader: type the ID number."));
        return;
    }
    m_reader->read();
}

void IntakePage::lookUpLicenses()
{
    if (m_session->isOffline()) {
        const QString text = tr("Electronic licences cannot be checked offline: choose what the applicant shows; the "
                                "server checks it when the intake is sent.");
        m_licenses->setText(text);
        m_licenses->setAccessibleName(text);
        return;
    }
    const QString id = m_session->applicantKind() == QLatin1String("person")
                           ? m_session->applicantField(QStringLiteral("idNumber"))
                           : m_session->applicantField(QStringLiteral("creditCode"));
    if (id.size() != 18 || !m_session->applicantProblems().value(QStringLiteral("idNumber")).isEmpty())
        return;
    m_api->get(QStringLiteral("/applicants/%1/licenses").arg(id), [this](const models::ApiResponse &r) {
        QStringList types;
        for (const auto &l : r.object().value(QLatin1String("items")).toArray())
            types << l.toObject().value(QLatin1String("type")).toString();
        m_session->setHeldLicenses(types);
        const QString text = types.isEmpty() ? tr("No electronic licences.")
                                             : tr("Electronic licences: %1").arg(types.join(QStringLiteral(", ")));
        m_licenses->setText(text);
        m_licenses->setAccessibleName(text);
    }, this);
    // A second visit starts from what the counter told the applicant last time.
    m_previousRefusal->clear();
    m_cases->fetchApplicantRefusals(id, [this, id](const models::ApiResult<QList<models::ApplicantRefusal>> &r) {
        const QString now = m_session->applicantKind() == QLatin1String("person")
                                ? m_session->applicantField(QStringLiteral("idNumber"))
                                : m_session->applicantField(QStringLiteral("creditCode"));
        if (!r.ok() || r.value->isEmpty() || now != id)
            return;
        const models::ApplicantRefusal &last = r.value->first();
        const QString kind = last.kind == QLatin1String("one_time_notice") ? tr("a one-time notice") : tr("a non-acceptance");
        QString text = tr("Came before: %1 on %2 (case %3, %4): %5")
                           .arg(kind, QLocale().toString(last.refusedAt.date(), QLocale::ShortFormat), last.number,
                                last.matters.join(QStringLiteral(", ")), last.reason);
        if (!last.items.isEmpty())
            text += QLatin1Char(' ') + tr("To bring or correct: %1.").arg(last.items.join(QStringLiteral("; ")));
        m_previousRefusal->setText(text);
        m_previousRefusal->setAccessibleName(text);
    }, this);
}


void IntakePage::rebuildForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fieldEditors.clear();
    m_fieldProblemLabels.clear();
    m_pluginPages.clear();
    QSet<QString> formKeys;
    for (const auto &f : m_session->fields())
        formKeys.insert(f.toObject().value(QLatin1String("key")).toString());

    // The department plugins' pages for the chosen matters (IWizardPageProvider), after the
    // form's own fields, each in a box with its title. A widget of a page named after a field of
    // the form edits that field (through its USER property, as a field editor does) in place of
    // the form's own editor; the page's isComplete() holds the Next button.
    QHash<QString, QWidget *> pageEditors;
    QHash<QString, QVBoxLayout *> pageBoxes; // the box of the page that edits a field
    QList<QWidget *> boxes;
    if (m_registries) {
        for (const QString &code : m_session->matterCodes()) {
            for (const auto &factory : m_registries->wizardPagesFor(code)) {
                QWizardPage *pluginPage = factory.create ? factory.create(m_formHost) : nullptr;
                if (!pluginPage)
                    continue;
                auto *box = new QGroupBox(pluginPage->title(), m_formHost);
                box->setAccessibleName(pluginPage->title());
                auto *boxLayout = new QVBoxLayout(box);
                if (!pluginPage->subTitle().isEmpty()) {
                    auto *subTitle = new QLabel(pluginPage->subTitle(), box);
                    subTitle->setWordWrap(true);
                    boxLayout->addWidget(subTitle);
                }
                pluginPage->setParent(box);
                boxLayout->addWidget(pluginPage);
                boxes << box;
                m_pluginPages << pluginPage;
                for (QWidget *w : pluginPage->findChildren<QWidget *>()) {
                    const QString key = w->objectName();
                    if (formKeys.contains(key) && !pageEditors.contains(key)) {
                        pageEditors.insert(key, w);
                        pageBoxes.insert(key, boxLayout);
                    }
                }
                connect(pluginPage, &QWizardPage::completeChanged, this, [this] {
                    updateFormProblems();
                    updateNext();
                });
            }
        }
    }

    for (const auto &f : m_session->fields()) {
        const QJsonObject field = f.toObject();
        const sdk::FieldSpec spec{field.value(QLatin1String("key")).toString(),
                                  field.value(QLatin1String("label")).toString(),
                                  field.value(QLatin1String("type")).toString(),
                                  field.value(QLatin1String("required")).toBool()};
        QWidget *editor = pageEditors.value(spec.key);
        auto *problem = new QLabel(m_formHost);
        problem->setWordWrap(true);
        problem->setTextFormat(Qt::PlainText);
        problem->hide();
        if (editor) {
            // On the department's page: its problem shows in the page's box.
            if (editor->accessibleName().isEmpty())
                editor->setAccessibleName(spec.label);
            pageBoxes.value(spec.key)->addWidget(problem);
        } else {
            editor = m_editors.create(spec, m_formHost);
            auto *label = new QLabel(spec.required ? spec.label + QStringLiteral(" *") : spec.label, m_formHost);
            label->setBuddy(editor);
            auto *cell = new QVBoxLayout;
            cell->setSpacing(1);
            cell->addWidget(editor);
            cell->addWidget(problem);
            m_form->addRow(label, cell);
        }
        FieldEditors::setValue(editor, m_session->formValue(spec.key));
        m_fieldEditors.insert(spec.key, editor);
        m_fieldProblemLabels.insert(spec.key, problem);
        const QString key = spec.key;
        FieldEditors::onChanged(editor, this, [this, key](const QString &value) {
            if (m_session->formValue(key) == value.trimmed())
                return;
            m_touchedFields.insert(key);
            m_session->setFormValue(key, value.trimmed());
            updateFormProblems();
        });
    }
    for (QWidget *box : std::as_const(boxes))
        m_form->addRow(box);
    updateFormProblems();
    updateNext();
}

bool IntakePage::pluginPagesComplete() const
{
    return std::all_of(m_pluginPages.begin(), m_pluginPages.end(),
                       [](const QPointer<QWizardPage> &page) { return !page || page->isComplete(); });
}

void IntakePage::updateNext()
{
    const int step = m_stack->currentIndex();
    m_next->setEnabled(step < 4 && (step != 2 || pluginPagesComplete()));
}

void IntakePage::updateFormProblems()
{
    // The domain's checks (through the session) and the department plugins' own, side by side.
    QStringList departments;
    for (const auto &m : m_session->toJson().value(QLatin1String("matters")).toArray())
        departments << m.toObject().value(QLatin1String("department")).toString();
    departments.removeDuplicates();
    const auto problems = m_session->formProblems();
    int count = 0;
    for (auto it = m_fieldEditors.constBegin(); it != m_fieldEditors.constEnd(); ++it) {
        const QString &key = it.key();
        QStringList messages;
        const QString code = problems.value(key);
        if (!code.isEmpty() && (code != QLatin1String("required") || m_touchedFields.contains(key)))
            messages << models::ApiError::fieldMessage({key, {}, code});
        const QString value = m_session->formValue(key);
        if (!value.isEmpty()) {
            for (const QString &department : std::as_const(departments))
                messages << m_editors.pluginProblems(key, department, value);
        }
        messages.removeDuplicates();
        if (!code.isEmpty() || !messages.isEmpty())
            ++count;
        QLabel *label = m_fieldProblemLabels.value(key);
        const QString text = messages.join(QLatin1Char(' '));
        label->setText(text);
        label->setAccessibleName(text);
        label->setVisible(!text.isEmpty());
        // A screen reader says the problem with the field itself.
        it.value()->setAccessibleDescription(text);
    }
    QStringList summary;
    if (count > 0)
        summary << tr("%n field(s) need attention.", nullptr, count);
    for (const QPointer<QWizardPage> &pluginPage : std::as_const(m_pluginPages)) {
        if (pluginPage && !pluginPage->isComplete())
            summary << tr("Complete “%1” before going on.").arg(pluginPage->title());
    }
    m_formProblems->setText(summary.join(QLatin1Char(' ')));
    m_formProblems->setAccessibleName(m_formProblems->text());
}

void IntakePage::rebuildMaterials()
{
    const auto materials = m_session->materials();
    QStringList codes;
    for (const auto &m : materials)
        codes << m.code;
    if (codes != m_materialCodes) {
        // Other matters: new rows. (Only then: a clerk's focus stays on the choice just made.)
        while (m_materialGrid->count() > 4) {
            QLayoutItem *item = m_materialGrid->takeAt(4);
            delete item->widget();
            delete item;
        }
        m_materialCodes = codes;
        for (int i = 0; i < materials.size(); ++i) {
            const auto &m = materials[i];
            const int row = i + 1;
            auto *name = new QLabel(m.name, m_materials);
            auto *requirement = new QLabel(m.core ? tr("core") : m.required ? tr("required") : tr("optional"), m_materials);
            auto *combo = new QComboBox(m_materials);
            combo->setObjectName(QStringLiteral("provision_") + m.code);
            combo->setAccessibleName(tr("Provision of %1").arg(m.name));
            name->setBuddy(combo);
            QStringList options{QString(), QStringLiteral("paper"), QStringLiteral("scan")};
            if (!m.eLicenseType.isEmpty())
                options << QStringLiteral("e_license");
            if (m.deficiencyAllowed)
                options << QStringLiteral("deficient");
            for (const QString &o : options)
                combo->addItem(provisionText(o), o);
            auto *due = new QLabel(m_materials);
            due->setObjectName(QStringLiteral("due_") + m.code);
            m_materialGrid->addWidget(name, row, 0);
            m_materialGrid->addWidget(requirement, row, 1);
            m_materialGrid->addWidget(combo, row, 2);
            m_materialGrid->addWidget(due, row, 3);
            const QString code = m.code;
            connect(combo, &QComboBox::activated, this, [this, combo, code] {
                if (!m_session->setProvision(code, combo->currentData().toString()))
                    QMetaObject::invokeMethod(this, &IntakePage::updateMaterials, Qt::QueuedConnection);
                else
                    updateMaterials();
            });
        }
        // Tab goes down the choices in order.
        QWidget *previous = nullptr;
        for (int row = 1; row <= materials.size(); ++row) {
            QWidget *combo = m_materialGrid->itemAtPosition(row, 2)->widget();
            if (previous)
                setTabOrder(previous, combo);
            previous = combo;
        }
    }
    updateMaterials();
}

void IntakePage::updateMaterials()
{
    const auto materials = m_session->materials();
    for (int i = 0; i < materials.size() && i < m_materialCodes.size(); ++i) {
        const auto &m = materials[i];
        auto *combo = qobject_cast<QComboBox *>(m_materialGrid->itemAtPosition(i + 1, 2)->widget());
        auto *due = qobject_cast<QLabel *>(m_materialGrid->itemAtPosition(i + 1, 3)->widget());
        const int index = qMax(0, combo->findData(m.provided));
        if (combo->currentIndex() != index)
            combo->setCurrentIndex(index);
        const QString date = m.dueDate.isValid() ? QLocale().toString(m.dueDate, QLocale::ShortFormat) : QString();
        due->setText(date);
        due->setAccessibleName(date.isEmpty() ? QString() : tr("%1 due by %2").arg(m.name, date));
    }
    // A bundle's matter that produces a material (company establishment: the business licence)
    // provides it to the others: the clerk does not ask for it.
    const QStringList codes = m_session->matterCodes();
    const QStringList names = m_session->matterNames();
    QStringList produced;
    for (const auto &p : m_session->producedMaterials()) {
        QStringList producers;
        for (const QString &code : p.producedBy) {
            const qsizetype at = codes.indexOf(code);
            producers << (at < 0 ? code : QStringLiteral("%1 %2").arg(code, names.value(at)));
        }
        produced << tr("• %1: with the result of %2").arg(p.name, producers.join(QStringLiteral("、")));
    }
    const QString producedText = produced.isEmpty() ? QString()
                                                    : tr("Not asked for, provided within the bundle:\n%1")
                                                          .arg(produced.join(QLatin1Char('\n')));
    m_produced->setText(producedText);
    m_produced->setAccessibleName(producedText);
    updateStatus();
}

void IntakePage::updateApplicantProblems()
{
    QStringList lines;
    const auto problems = m_session->applicantProblems();
    for (auto it = problems.begin(); it != problems.end(); ++it) {
        if (it.value() == QLatin1String("required") || it.value() == QLatin1String("empty"))
            continue; // not yet typed: no reproach
        lines << models::ApiError::fieldMessage({it.key(), {}, it.value()});
    }
    const QString text = lines.join(QLatin1Char('\n'));
    m_applicantProblems->setText(text);
    m_applicantProblems->setAccessibleName(text);
    const bool person = m_session->applicantKind() == QLatin1String("person");
    m_idNumber->setEnabled(person);
    m_creditCode->setEnabled(!person);
    m_legalRep->setEnabled(!person);
}

void IntakePage::updateStatus()
{
    QString level;
    switch (m_session->completeness()) {
    case IntakeSession::Completeness::Complete: level = tr("Complete: can be accepted."); break;
    case IntakeSession::Completeness::CompleteExceptTolerated:
        level = tr("Complete except tolerated deficiencies: accept with deficiency; the applicant signs a commitment.");
        break;
    case IntakeSession::Completeness::RequiredMissing: level = tr("Required materials missing: one-time notice."); break;
    }
    m_completeness->setText(level);
    m_completeness->setAccessibleName(level);
    QStringList notice;
    for (const auto &item : m_session->oneTimeNotice())
        notice << QStringLiteral("• %1: %2").arg(item.name, models::ApiError::missingReason(item.reason));
    const QString noticeText = notice.isEmpty() ? QString() : tr("One-time notice would list:\n%1").arg(notice.join(QLatin1Char('\n')));
    m_notice->setText(noticeText);
    m_notice->setAccessibleName(noticeText);
    QString summary = tr("Applicant: %1").arg(m_session->applicantField(QStringLiteral("name")));
    summary += QLatin1Char('\n') + tr("Matters: %1").arg(m_session->matterCodes().join(QStringLiteral(", ")));
    if (m_session->bundle().size() > 0)
        summary += QLatin1Char('\n') + tr("The bundle saves %1 field(s) and %2 material(s).")
                                           .arg(m_session->fieldsSaved())
                                           .arg(m_session->materialsSaved());
    summary += QLatin1Char('\n') + level;
    // The green channel as the session holds it (a resumed draft too).
    if (m_green->isChecked() != m_session->greenChannel() || m_greenReason->text() != m_session->greenChannelReason()) {
        const QSignalBlocker quietBox(m_green);
        const QSignalBlocker quietReason(m_greenReason);
        m_green->setChecked(m_session->greenChannel());
        m_greenReason->setText(m_session->greenChannelReason());
        m_greenReason->setEnabled(m_session->greenChannel());
    }
    if (m_session->greenChannel() && m_session->greenChannelReason().trimmed().isEmpty())
        summary += QLatin1Char('\n') + tr("Say why the case is in the green channel.");
    m_summary->setText(summary);
    m_summary->setAccessibleName(summary);
    updateApplicantBar();
}

void IntakePage::updateApplicantBar()
{
    const bool person = m_session->applicantKind() == QLatin1String("person");
    const QString id = m_session->applicantField(person ? QStringLiteral("idNumber") : QStringLiteral("creditCode"));
    const QString name = m_session->applicantField(QStringLiteral("name"));
    QStringList parts;
    parts << (name.isEmpty() ? tr("No applicant yet") : name);
    if (!id.isEmpty())
        parts << (person ? QString::fromStdString(IdNumber::mask(id.toStdString())) : id);
    const QStringList matters = m_session->matterCodes();
    parts << (matters.isEmpty() ? tr("no matter chosen") : m_session->bundle().isEmpty() ? matters.join(QStringLiteral(", "))
                                                                                      : m_session->bundle());
    const QString text = parts.join(QStringLiteral("  ·  "));
    m_applicantBar->setText(text);
    m_applicantBar->setAccessibleDescription(text);
}

void IntakePage::submit()
{
    m_accept->setEnabled(false);
    m_refuse->setEnabled(false);
    if (m_session->isOffline()) {
        // What the server would refuse is refused here: the one-time notice prints from the form.
        if (!m_session->applicantProblems().isEmpty()) {
            m_accept->setEnabled(true);
            m_refuse->setEnabled(true);
            m_result->setText(tr("Correct the applicant's details first."));
            return;
        }
        QJsonArray notice;
        for (const auto &item : m_session->oneTimeNotice())
            notice.append(QJsonObject{{QStringLiteral("code"), item.code}, {QStringLiteral("name"), item.name},
                                      {QStringLiteral("reason"), item.reason}});
        const auto formProblems = m_session->formProblems();
        for (const auto &f : m_session->fields()) {
            const QString key = f.toObject().value(QLatin1String("key")).toString();
            if (formProblems.contains(key))
                notice.append(QJsonObject{
                    {QStringLiteral("code"), key},
                    {QStringLiteral("name"), f.toObject().value(QLatin1String("label")).toString()},
                    {QStringLiteral("reason"), formProblems.value(key) == QLatin1String("required")
                                                   ? QStringLiteral("field_required")
                                                   : QStringLiteral("field_invalid")}});
        }
        if (!notice.isEmpty()) {
            m_accept->setEnabled(true);
            m_refuse->setEnabled(true);
            m_refusal = notice;
            m_accepted = {};
            m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(printing::PrintDocument::OneTimeNotice)));
            updatePrintButtons();
            const QString text = tr("Not accepted: print the one-time notice for the applicant.");
            m_result->setText(text);
            m_result->setAccessibleName(text);
            return;
        }
        m_result->setText(tr("Taking it in offline…"));
        m_session->submitOffline(m_numbers);
        return;
    }
    m_result->setText(tr("Sending…"));
    m_session->submit();
}

void IntakePage::setNumberStock(models::NumberStock *numbers, const models::UserInfo &clerk)
{
    m_numbers = numbers;
    m_clerk = clerk;
}

void IntakePage::setOffline(bool offline)
{
    m_session->setOffline(offline);
    // A refusal on record needs the server: offline, the one-time notice is printed from the form.
    m_refuse->setVisible(!offline);
    updateStatus();
}

void IntakePage::recordRefusal()
{
    // Something missing or wrong: a one-time notice is the likely kind.
    const bool somethingToNotify = !m_refusal.isEmpty() || !m_session->oneTimeNotice().isEmpty();
    RefusalDialog dialog(m_session->refusalReasons(), somethingToNotify, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_accept->setEnabled(false);
    m_refuse->setEnabled(false);
    m_result->setText(tr("Sending…"));
    m_session->submitRefusal(dialog.kind(), dialog.reason(), dialog.note());
}

} // namespace onewindow::client

namespace onewindow::client {

void IntakePage::updatePrintButtons()
{
    const auto document = static_cast<printing::PrintDocument>(m_paper->currentData().toInt());
    const bool refusalPaper = document == printing::PrintDocument::OneTimeNotice
                              || document == printing::PrintDocument::NonAcceptance;
    const bool ready = refusalPaper ? (!m_refusal.isEmpty() || !m_accepted.isEmpty()) : !m_accepted.isEmpty();
    m_preview->setEnabled(ready);
    m_savePdf->setEnabled(ready);
}

namespace {

printing::PrintInput printInput(const QJsonObject &accepted, const QJsonArray &refusal, models::IntakeSession *session,
                                const QString &office)
{
    printing::PrintInput input;
    input.office.name = office;
    if (!accepted.isEmpty()) {
        input.caseObject = accepted;
    } else {
        // A refused intake has no case on the server: the same shape from what was typed.
        QJsonArray matters;
        const QJsonObject draft = session->toJson();
        for (const auto &m : draft.value(QLatin1String("matters")).toArray())
            matters.append(QJsonObject{{QStringLiteral("code"), m.toObject().value(QLatin1String("code"))},
                                       {QStringLiteral("name"), m.toObject().value(QLatin1String("name"))},
                                       {QStringLiteral("department"), m.toObject().value(QLatin1String("department"))}});
        input.caseObject = QJsonObject{{QStringLiteral("matters"), matters},
                                       {QStringLiteral("applicant"), draft.value(QLatin1String("applicant"))},
                                       {QStringLiteral("center"), draft.value(QLatin1String("center"))}};
        input.missing = printing::MissingItem::fromJson(refusal);
        input.reason = IntakePage::tr("Materials are missing.");
    }
    input.matterDetails = session->toJson().value(QLatin1String("matters")).toArray();
    // A refusal is dated with the server's date; an accepted case's papers with its acceptance.
    input.date = accepted.isEmpty() ? session->today() : QDate();
    return input;
}

} // namespace

bool IntakePage::savePaper(int document, const QString &path)
{
    printing::DocumentRenderer renderer(m_registries);
    const bool ok = renderer.renderPdf(static_cast<printing::PrintDocument>(document),
                                       printInput(m_accepted, m_refusal, m_session, m_officeName), path);
    if (!ok)
        m_result->setText(renderer.errorString());
    return ok;
}

void IntakePage::previewPaper()
{
    const auto document = static_cast<printing::PrintDocument>(m_paper->currentData().toInt());
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, document](QPrinter *p) {
        printing::DocumentRenderer renderer(m_registries);
        if (!renderer.print(document, printInput(m_accepted, m_refusal, m_session, m_officeName), p))
            m_result->setText(renderer.errorString());
    });
    // Window-modal: the customer screen, a window of its own, still takes the citizen's rating.
    preview.setWindowModality(Qt::WindowModal);
    preview.exec();
}

void IntakePage::savePaperAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as PDF"), QString(), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        savePaper(m_paper->currentData().toInt(), path);
}

} // namespace onewindow::client
