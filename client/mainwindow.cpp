#include "mainwindow.h"

#include "languages.h"
#include "intake/intakepage.h"
#include "pages.h"
#include "deficiencies/trackerpage.h"
#include "delivery/customerscreen.h"
#include "delivery/deliverypage.h"
#include "delivery/followupspage.h"
#include "stats/dashboardpage.h"
#include "review/returnedcasespage.h"
#include "review/reviewqueuepage.h"
#include "signindialog.h"
#include "admin/auditpage.h"
#include "admin/calendarpage.h"
#include "admin/changepassworddialog.h"
#include "admin/matterspage.h"
#include "admin/placespage.h"
#include "admin/userspage.h"
#include "sync/syncpage.h"
#include "transfers/transferpages.h"

#include "models/apiclient.h"
#include "models/caseapi.h"
#include "models/catalogsync.h"
#include "models/intakesession.h"
#include "models/localstore.h"
#include "models/numberstock.h"
#include "models/syncengine.h"
#include "models/identityreader.h"
#include "models/serverclock.h"
#include "models/session.h"

#include "registries.h"

#include <QAction>
#include <QJsonArray>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTime>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace onewindow::client {

namespace {
constexpr int kPageIdRole = Qt::UserRole + 1;
constexpr int kCountRole = Qt::UserRole + 2;
constexpr int kUrgentRole = Qt::UserRole + 7; ///< e.g. how many of the count are overdue
constexpr int kShortcutRole = Qt::UserRole + 3;
constexpr int kTitleRole = Qt::UserRole + 4;
constexpr int kOfflineRole = Qt::UserRole + 5; ///< the page works without the server

/// Reserved numbers kept in stock for intake without the server: topped up to a block when
/// fewer than the minimum are left.
constexpr int kNumberStockMinimum = 20;
constexpr int kNumberBlock = 50;
} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_userLabel(new QLabel(this))
    , m_placeLabel(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
    , m_catalogLabel(new QLabel(this))
    , m_clockLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_healthTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_basePointSize = QApplication::font().pointSizeF();
    m_userLabel->setObjectName(QStringLiteral("userStatus"));
    m_placeLabel->setObjectName(QStringLiteral("placeStatus"));
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_catalogLabel->setObjectName(QStringLiteral("catalogStatus"));
    m_clockLabel->setObjectName(QStringLiteral("clockStatus"));
    m_clockLabel->setFocusPolicy(Qt::TabFocus); // a warning a screen reader user must be able to reach
    m_syncLabel->setObjectName(QStringLiteral("syncStatus"));
    m_syncLabel->setFocusPolicy(Qt::TabFocus);
    m_syncLabel->hide();
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 900});
    setCentralWidget(splitter);
    m_navigation->setMinimumWidth(180);

    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_clockLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_catalogLabel);
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_placeLabel);

    buildMenus();
    claimDrafts();
    buildWorkbench();
    retranslate();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPage);
    auto *api = m_services.session->api();
    connect(api, &models::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        m_reachable = reachable;
        updateStatus();
        if (reachable && m_services.session->isOffline())
            goOnline();
    });
    connect(m_services.session, &models::Session::signedIn, this, [this] {
        if (!ChangePasswordDialog::changeIfRequired(m_services.session, this)) {
            m_services.session->signOut();
            close();
            return;
        }
        claimDrafts();
        applyConnectionMode();
        if (!m_services.session->isOffline())
            m_services.sync->refresh(); // back from an offline session: the catalog may have changed
        startSync();
    });
    connect(api->clock(), &models::ServerClock::learned, this, &MainWindow::updateStatus);
    connect(api->clock(), &models::ServerClock::todayChanged, this, &MainWindow::updateStatus);
    connect(m_services.session, &models::Session::reauthenticationRequired, this, &MainWindow::reauthenticate);
    connect(m_services.sync, &models::CatalogSync::finished, this, [this, api](bool ok, const QString &) {
        m_catalogState = ok ? tr("Catalog updated %1").arg(QLocale().toString(api->clock()->now().time(), QLocale::ShortFormat))
                            : tr("Catalog: saved copy");
        updateStatus();
        // The page on screen shows the catalog just saved (a first start has none before it).
        if (auto *page = qobject_cast<WorkbenchPageWidget *>(m_pages->currentWidget()); page && ok)
            page->refresh();
    });
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::checkServer);
    m_healthTimer->start(30000);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    zoom(settings.value(QStringLiteral("mainWindow/zoom"), 0).toInt());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1280, 760);

    m_services.sync->refresh();
    applyConnectionMode();
    m_navigation->setCurrentRow(0);
    updateStatus();
    startSync();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    // Actions are created once; their texts are set in retranslate().
    const auto action = [this](const QString &name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        m_actions << a;
        return a;
    };
    action(QStringLiteral("signOut"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] {
        m_services.session->signOut();
        close();
    });
    action(QStringLiteral("quit"), QKeySequence::Quit, [this] { close(); });
    action(QStringLiteral("changePassword"), QKeySequence(), [this] {
        if (m_services.session->isOffline()) {
            statusBar()->showMessage(tr("The password is changed with the server: sign in with it first."), 10000);
            return;
        }
        ChangePasswordDialog dialog(m_services.session, false, this);
        dialog.setWindowModality(Qt::WindowModal);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Your password is changed."), 10000);
    });
    action(QStringLiteral("refresh"), QKeySequence(Qt::Key_F5), [this] {
        if (auto *page = qobject_cast<WorkbenchPageWidget *>(m_pages->currentWidget()))
            page->refresh();
    });
    action(QStringLiteral("zoomIn"), QKeySequence::ZoomIn, [this] { zoom(m_zoomSteps + 1); });
    action(QStringLiteral("zoomOut"), QKeySequence::ZoomOut, [this] { zoom(m_zoomSteps - 1); });
    action(QStringLiteral("zoomReset"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { zoom(0); });
    action(QStringLiteral("focusNavigation"), QKeySequence(Qt::ALT | Qt::Key_N), [this] { m_navigation->setFocus(); });
    action(QStringLiteral("customerScreen"), QKeySequence(Qt::Key_F12), [this] {
        if (m_customerScreen)
            m_customerScreen->toggle();
    });
    action(QStringLiteral("aboutPlugins"), QKeySequence(), [this] {
        if (m_services.showAboutPlugins)
            m_services.showAboutPlugins(this);
    });
    action(QStringLiteral("about"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About OneWindow"),
                           tr("OneWindow %1\nCounter software for one-window government service halls.")
                               .arg(QApplication::applicationVersion()));
    });
    const auto find = [this](const char *name) { return findChild<QAction *>(QLatin1String(name)); };
    QMenu *file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(find("changePassword"));
    file->addAction(find("signOut"));
    file->addSeparator();
    file->addAction(find("quit"));
    QMenu *view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(find("refresh"));
    view->addAction(find("focusNavigation"));
    view->addAction(find("customerScreen"));
    view->addSeparator();
    view->addAction(find("zoomIn"));
    view->addAction(find("zoomOut"));
    view->addAction(find("zoomReset"));
    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(find("aboutPlugins"));
    help->addAction(find("about"));
}

void MainWindow::claimDrafts()
{
    const models::UserInfo &user = m_services.session->user();
    m_services.store->setClock(m_services.session->api()->clock());
    m_services.store->setDraftOwner(user.username, user.center);
    m_services.session->api()->setSignedInUser(user.username);
    // Before any page asks for drafts: the store runs its work in order.
    m_services.store->purgeDrafts(QSettings().value(QStringLiteral("drafts/keepHours"), 72).toInt());
}

void MainWindow::buildWorkbench()
{
    const QString role = m_services.session->user().role;
    auto *api = m_services.session->api();
    // Every page that prints takes the plugins' paper templates.
    const sdk::Registries *registries = m_services.registries;
    models::IdentityReader *reader = nullptr;
    if (role == QLatin1String("clerk") || role == QLatin1String("agent")) {
        // The ID-card reader: a simulated card for demos and tests, else the termb library.
        const QString cardFile = qEnvironmentVariable("ONEWINDOW_ID_CARD_FILE");
        reader = cardFile.isEmpty()
                                             ? static_cast<models::IdentityReader *>(new models::TermbIdentityReader(
                                                 QStringLiteral("termb"), 1001, this))
                                             : new models::SimulatedIdentityReader(cardFile, this);
        // The screen facing the citizen: on the second monitor, or toggled with F12.
        m_customerScreen = std::make_unique<CustomerScreen>(new models::CaseApi(api, this));
        m_customerScreen->placeOnSecondScreen();
        connect(m_customerScreen.get(), &CustomerScreen::ratingFailed, this, [this](const QString &message) {
            statusBar()->showMessage(tr("The rating was not recorded: %1").arg(message), 15000);
        });
        auto *intake = new IntakePage(api, m_services.store, m_services.session->user().center, reader,
                                      registries, this);
        m_intake = intake;
        // Intake without the server: numbers reserved for the centre, an outbox sent when it is back.
        m_numbers = new models::NumberStock(api, m_services.store, m_services.session->user().center, this);
        m_syncEngine = new models::SyncEngine(api, m_services.store, this);
        intake->setNumberStock(m_numbers, m_services.session->user());
        addPage(QStringLiteral("intake"), intake, QStringLiteral("F2"));
        followIntake(intake);
        connect(intake, &IntakePage::queued, this, [this] { updateSyncStatus(); });
        connect(m_syncEngine, &models::SyncEngine::progress, this, [this](int waiting, int sent) {
            updateSyncStatus(tr("⇅ Sending intakes taken in offline: %1 sent, %2 waiting").arg(sent).arg(waiting));
        });
        connect(m_syncEngine, &models::SyncEngine::sent, this, [this] { m_sentThisRun = true; });
        connect(m_syncEngine, &models::SyncEngine::waiting, this, [this](const QString &message, int retryInMs) {
            updateSyncStatus(tr("⇅ Intakes taken in offline wait: %1; next try in %n second(s)", nullptr,
                                qMax(1, retryInMs / 1000))
                                 .arg(message));
        });
        connect(m_syncEngine, &models::SyncEngine::refused, this, [this](const QString &, const QJsonObject &problem) {
            statusBar()->showMessage(tr("The server refused an intake taken in offline: %1. See Intakes to send (F10).")
                                         .arg(problem.value(QLatin1String("title")).toString()));
        });
        connect(m_syncEngine, &models::SyncEngine::idle, this, [this] { updateSyncStatus(); });
    }
    if (role == QLatin1String("clerk") || role == QLatin1String("agent") || role == QLatin1String("supervisor")) {
        addPage(QStringLiteral("cases"), new CasesPage(api, this), QStringLiteral("F3"));
        if (role != QLatin1String("supervisor"))
            addPage(QStringLiteral("returned"), new ReturnedCasesPage(api, registries, this), QStringLiteral("F7"));
        addPage(QStringLiteral("deficiencies"),
                new DeficiencyTrackerPage(api, m_services.store, role, registries, this), QStringLiteral("F8"));
        if (role == QLatin1String("supervisor")) {
            addPage(QStringLiteral("followUps"), new FollowUpsPage(api, this), QStringLiteral("F9"));
            addPage(QStringLiteral("dashboard"), new DashboardPage(api, this), QStringLiteral("F7"));
        }
        else
            addPage(QStringLiteral("delivery"), new DeliveryPage(api, reader, m_customerScreen.get(), registries, this),
                    QStringLiteral("F9"));
        // Paper between a village centre and its hall (代办): agents send it, the hall's clerks check it in.
        if (role == QLatin1String("agent"))
            addPage(QStringLiteral("sendPapers"),
                    new SendPapersPage(api, m_services.session->user().center, registries, this),
                    QStringLiteral("F11"));
        else if (role == QLatin1String("clerk"))
            addPage(QStringLiteral("receivePapers"), new ReceivePapersPage(api, this), QStringLiteral("F11"));
    } else if (role == QLatin1String("security_admin")) {
        addPage(QStringLiteral("users"), new UsersPage(api, this), QStringLiteral("F3"));
    } else if (role == QLatin1String("auditor")) {
        addPage(QStringLiteral("audit"), new AuditPage(api, this), QStringLiteral("F3"));
    } else if (role == QLatin1String("admin")) {
        addPage(QStringLiteral("matters"), new MattersAdminPage(api, registries, this), QStringLiteral("F3"));
        addPage(QStringLiteral("calendar"), new CalendarPage(api, this), QStringLiteral("F4"));
        addPage(QStringLiteral("places"), new PlacesPage(api, this), QStringLiteral("F7"));
    } else if (role == QLatin1String("approver")) {
        addPage(QStringLiteral("review"),
                new ReviewQueuePage(api, m_services.session->user().department, registries, this),
                QStringLiteral("F4"));
        addPage(QStringLiteral("departmentCases"), new CasesPage(api, this), QStringLiteral("F3"));
        addPage(QStringLiteral("dashboard"), new DashboardPage(api, this), QStringLiteral("F7"));
    }
    if (m_syncEngine)
        addPage(QStringLiteral("outbox"), new SyncPage(api, m_services.store, m_syncEngine, registries, this),
                QStringLiteral("F10"));
    addPage(QStringLiteral("catalog"), new CatalogPage(m_services.store, m_services.sync, this), QStringLiteral("F6"));
    addPluginPages();
}

void MainWindow::followIntake(IntakePage *page)
{
    models::IntakeSession *session = page->session();
    const auto viewOf = [session] {
        CustomerView view;
        view.applicant = session->applicantName();
        view.matters = session->matterNames();
        for (const auto &m : session->materials()) {
            if (m.provided == QLatin1String("deficient"))
                view.materials << tr("%1: to be brought by %2").arg(m.name, QLocale().toString(m.dueDate, QLocale::LongFormat));
            else if (!m.provided.isEmpty())
                view.materials << tr("%1: received").arg(m.name);
            else if (m.required)
                view.materials << tr("%1: needed").arg(m.name);
        }
        return view;
    };
    connect(session, &models::IntakeSession::changed, this, [this, viewOf] { m_customerScreen->follow(viewOf()); });
    connect(session, &models::IntakeSession::submitted, this, [this, viewOf](const QJsonObject &caseObject) {
        const QString status = caseObject.value(QLatin1String("status")).toString();
        CustomerView view = viewOf();
        view.caseNumber = caseObject.value(QLatin1String("number")).toString();
        if (status != QLatin1String("not_accepted"))
            view.dueDate = QDate::fromString(caseObject.value(QLatin1String("promisedDueDate")).toString(), Qt::ISODate);
        m_customerScreen->follow(view);
        // Every service ends with the citizen's rating, a refusal's too.
        m_customerScreen->askRating(caseObject.value(QLatin1String("id")).toString(), QStringLiteral("intake"),
                                    view.caseNumber);
    });
}

void MainWindow::addHeading(const QString &department)
{
    auto *item = new QListWidgetItem(QStringLiteral("── %1 ──").arg(department), m_navigation);
    item->setFlags(Qt::NoItemFlags);
    m_pages->addWidget(new QWidget(this)); // keeps rows and pages aligned
    // The department's name, once the server has said it.
    m_services.session->api()->get(QStringLiteral("/departments"), [item, department](const models::ApiResponse &r) {
        for (const auto &d : r.object().value(QLatin1String("items")).toArray()) {
            if (d.toObject().value(QLatin1String("code")).toString() == department)
                item->setText(QStringLiteral("── %1 ──").arg(d.toObject().value(QLatin1String("name")).toString()));
        }
    }, this);
}

void MainWindow::addPluginPages()
{
    if (!m_services.registries)
        return;
    QString heading;
    for (const auto &page : m_services.registries->workbenchPagesFor(m_services.session->user().role)) {
        if (page.department != heading) {
            heading = page.department;
            addHeading(heading);
        }
        QWidget *widget = page.create ? page.create(this) : nullptr;
        if (!widget)
            continue;
        auto *item = new QListWidgetItem(page.title, m_navigation);
        item->setData(kPageIdRole, page.id);
        item->setData(kTitleRole, page.title);
        m_pages->addWidget(widget);
    }
}

void MainWindow::addPage(const QString &id, WorkbenchPageWidget *page, const QString &shortcut)
{
    auto *item = new QListWidgetItem(m_navigation);
    item->setData(kPageIdRole, id);
    item->setData(kShortcutRole, shortcut);
    item->setData(kOfflineRole, id == QLatin1String("intake") || id == QLatin1String("outbox")
                                    || id == QLatin1String("catalog"));
    const int row = m_navigation->row(item);
    m_pages->addWidget(page);
    connect(page, &WorkbenchPageWidget::countChanged, this, [this, item](int count, int urgent) {
        item->setData(kCountRole, count);
        item->setData(kUrgentRole, urgent);
        retranslate();
    });
    if (!shortcut.isEmpty()) {
        auto *jump = new QAction(this);
        jump->setShortcut(QKeySequence(shortcut));
        jump->setShortcutContext(Qt::ApplicationShortcut);
        connect(jump, &QAction::triggered, this, [this, row] {
            if (!(m_navigation->item(row)->flags() & Qt::ItemIsEnabled))
                return;
            m_navigation->setCurrentRow(row);
            if (auto *p = qobject_cast<WorkbenchPageWidget *>(m_pages->widget(row)))
                p->focusFirst();
        });
        addAction(jump);
    }
}

QString MainWindow::titleFor(const QString &id) const
{
    if (id == QLatin1String("cases"))
        return m_services.session->user().role == QLatin1String("agent") ? tr("Cases of my centre") : tr("Cases");
    if (id == QLatin1String("intake"))
        return tr("New intake");
    if (id == QLatin1String("departmentCases"))
        return tr("Cases of my department");
    if (id == QLatin1String("review"))
        return tr("To review");
    if (id == QLatin1String("returned"))
        return tr("Returned cases");
    if (id == QLatin1String("deficiencies"))
        return tr("Deficiency tracker");
    if (id == QLatin1String("catalog"))
        return tr("Matter catalog");
    if (id == QLatin1String("delivery"))
        return tr("Results to hand out");
    if (id == QLatin1String("followUps"))
        return tr("Rating follow-ups");
    if (id == QLatin1String("outbox"))
        return tr("Intakes to send");
    if (id == QLatin1String("users"))
        return tr("Users");
    if (id == QLatin1String("audit"))
        return tr("Audit trail");
    if (id == QLatin1String("matters"))
        return tr("Matters and versions");
    if (id == QLatin1String("calendar"))
        return tr("Working-day calendar");
    if (id == QLatin1String("places"))
        return tr("Centres and bundles");
    if (id == QLatin1String("sendPapers"))
        return tr("Papers to the hall");
    if (id == QLatin1String("receivePapers"))
        return tr("Papers from village centres");
    if (id == QLatin1String("dashboard"))
        return tr("Figures");
    return id;
}

void MainWindow::showPage(int row)
{
    if (row < 0 || row >= m_pages->count())
        return;
    if (!(m_navigation->item(row)->flags() & Qt::ItemIsEnabled))
        return;
    m_pages->setCurrentIndex(row);
    if (m_navigation->currentRow() != row)
        m_navigation->setCurrentRow(row);
    if (auto *page = qobject_cast<WorkbenchPageWidget *>(m_pages->currentWidget()))
        page->refresh();
}

QStringList MainWindow::navigationEntries() const
{
    QStringList out;
    for (int i = 0; i < m_navigation->count(); ++i)
        out << m_navigation->item(i)->text();
    return out;
}

void MainWindow::retranslate()
{
    const auto &user = m_services.session->user();
    setWindowTitle(tr("OneWindow · %1").arg(user.displayName.isEmpty() ? user.username : user.displayName));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_pages->setAccessibleName(tr("Work area"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        const QString id = item->data(kPageIdRole).toString();
        if (id.isEmpty() || !item->data(kTitleRole).toString().isEmpty())
            continue;
        QString text = titleFor(id);
        const int count = item->data(kCountRole).isValid() ? item->data(kCountRole).toInt() : -1;
        const int urgent = item->data(kUrgentRole).isValid() ? item->data(kUrgentRole).toInt() : -1;
        if (count >= 0 && urgent > 0)
            text = tr("%1 (%2, %3 overdue)").arg(text).arg(count).arg(urgent);
        else if (count >= 0)
            text = tr("%1 (%2)").arg(text).arg(count);
        if (!(item->flags() & Qt::ItemIsEnabled))
            text = tr("%1 (needs the server)").arg(text);
        const QString shortcut = item->data(kShortcutRole).toString();
        item->setText(shortcut.isEmpty() ? text : tr("%1    %2").arg(text, shortcut));
    }
    const QHash<QString, QString> texts{
        {QStringLiteral("signOut"), tr("Sign &out")},     {QStringLiteral("quit"), tr("&Quit")},
        {QStringLiteral("changePassword"), tr("&Change password…")},
        {QStringLiteral("refresh"), tr("&Refresh")},      {QStringLiteral("zoomIn"), tr("Zoom &in")},
        {QStringLiteral("zoomOut"), tr("Zoom &out")},     {QStringLiteral("zoomReset"), tr("&Actual size")},
        {QStringLiteral("aboutPlugins"), tr("About &Plugins")}, {QStringLiteral("about"), tr("&About OneWindow")},
        {QStringLiteral("focusNavigation"), tr("Go to &navigation")},
        {QStringLiteral("customerScreen"), tr("&Customer screen")},
    };
    for (QAction *a : std::as_const(m_actions))
        a->setText(texts.value(a->objectName()));
    findChild<QMenu *>(QStringLiteral("fileMenu"))->setTitle(tr("&File"));
    findChild<QMenu *>(QStringLiteral("viewMenu"))->setTitle(tr("&View"));
    findChild<QMenu *>(QStringLiteral("helpMenu"))->setTitle(tr("&Help"));
    updateStatus();
}

void MainWindow::updateStatus()
{
    const auto &user = m_services.session->user();
    m_userLabel->setText(tr("Signed in: %1 (%2)").arg(user.displayName, user.username));
    QString place;
    if (!user.center.isEmpty())
        place = tr("Centre %1").arg(user.center);
    else if (!user.department.isEmpty())
        place = tr("Department %1").arg(user.department);
    m_placeLabel->setText(place);
    m_placeLabel->setVisible(!place.isEmpty());
    // In words, not by colour alone.
    m_connectionLabel->setText(m_services.session->isOffline()
                                   ? (m_reachable ? tr("○ Offline session: sign in again to send")
                                                  : tr("○ Offline: intake only; it is sent when the server is back"))
                               : m_reachable ? tr("● Connected to %1").arg(m_services.session->api()->baseUrl().host())
                                             : tr("○ Server unreachable: changes wait"));
    m_connectionLabel->setAccessibleName(m_connectionLabel->text());
    m_catalogLabel->setText(m_catalogState.isEmpty() ? tr("Catalog: updating…") : m_catalogState);
    updateClockStatus();
}

void MainWindow::updateClockStatus()
{
    // Dates on screen and on paper are the server's; say so when this PC's clock disagrees.
    const models::ServerClock *clock = m_services.session->api()->clock();
    QString text;
    if (clock->isSkewed()) {
        const qint64 seconds = clock->skewSeconds();
        const qint64 away = seconds < 0 ? -seconds : seconds;
        const QString amount = away >= 2 * 86400 ? tr("%n day(s)", nullptr, int(away / 86400))
                               : away >= 2 * 3600 ? tr("%n hour(s)", nullptr, int(away / 3600))
                                                  : tr("%n minute(s)", nullptr, int(away / 60));
        text = (seconds > 0 ? tr("⚠ This PC's clock is %1 ahead of the server's; dates follow the server: %2")
                            : tr("⚠ This PC's clock is %1 behind the server's; dates follow the server: %2"))
                   .arg(amount, QLocale().toString(clock->today(), QLocale::ShortFormat));
    } else if (clock->isKnown() && clock->today() != models::ServerClock::pcNow().date()) {
        // The server keeps another date than its clock's (a training or test server).
        text = tr("Server's date: %1").arg(QLocale().toString(clock->today(), QLocale::ShortFormat));
    }
    m_clockLabel->setText(text);
    m_clockLabel->setAccessibleName(text);
    m_clockLabel->setVisible(!text.isEmpty());
}

void MainWindow::checkServer()
{
    m_services.session->api()->health([this](const models::ApiError &error) {
        m_reachable = error.kind != models::ApiError::Kind::Network && error.kind != models::ApiError::Kind::Timeout;
        updateStatus();
        if (m_reachable && m_services.session->isOffline())
            goOnline();
    }, this);
}

void MainWindow::goOnline()
{
    if (m_reauthenticating)
        return;
    m_reauthenticating = true;
    SignInDialog dialog(m_services.session, m_services.languages, SignInDialog::Mode::Reauthenticate, this);
    dialog.setUsername(m_services.session->user().username);
    dialog.setMessage(tr("The server can be reached again. Sign in to send the intakes taken in offline; until "
                         "then they wait on this PC."));
    dialog.exec(); // declined: the offline session goes on, and the next check asks again
    m_reauthenticating = false;
    // The keyboard comes back to the workbench, with or without a window manager to give it.
    activateWindow();
}

void MainWindow::applyConnectionMode()
{
    const bool offline = m_services.session->isOffline();
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        if (item->data(kPageIdRole).toString().isEmpty() || item->data(kOfflineRole).toBool())
            continue;
        item->setFlags(offline ? Qt::NoItemFlags : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    if (m_intake)
        m_intake->setOffline(offline);
    // Offline, look for the server more often: what waits is sent sooner.
    m_healthTimer->setInterval(offline ? 10000 : 30000);
    retranslate();
    updateSyncStatus();
}

void MainWindow::startSync()
{
    if (!m_syncEngine || m_services.session->isOffline())
        return;
    m_numbers->topUp(kNumberStockMinimum, kNumberBlock, [](bool ok, const QString &message) {
        if (!ok)
            spdlog::warn("reserved numbers not topped up: {}", message.toStdString());
    });
    m_syncEngine->syncNow();
}

void MainWindow::updateSyncStatus(const QString &activity)
{
    if (!m_syncEngine)
        return;
    if (!activity.isEmpty()) {
        m_syncLabel->setText(activity);
        m_syncLabel->setAccessibleName(activity);
        m_syncLabel->show();
        return;
    }
    m_services.store->nextQueuedIntake(this, [this](const QJsonObject &, int queued) {
        QString text;
        if (queued > 0)
            text = m_services.session->isOffline()
                       ? tr("⇅ %n intake(s) taken in offline, sent when the server is back", nullptr, queued)
                       : tr("⇅ %n intake(s) taken in offline waiting to be sent", nullptr, queued);
        else if (m_sentThisRun)
            text = tr("✓ Intakes taken in offline: all sent");
        m_syncLabel->setText(text);
        m_syncLabel->setAccessibleName(text);
        m_syncLabel->setVisible(!text.isEmpty());
    });
}

void MainWindow::reauthenticate(const QString &)
{
    if (m_services.session->isOffline()) {
        goOnline(); // an offline session has no token for the server to end
        return;
    }
    if (m_reauthenticating)
        return;
    m_reauthenticating = true;
    SignInDialog dialog(m_services.session, m_services.languages, SignInDialog::Mode::Reauthenticate, this);
    dialog.setUsername(m_services.session->user().username);
    dialog.setMessage(tr("Your session has ended. Sign in again to go on; nothing on screen is lost."));
    const bool ok = dialog.exec() == QDialog::Accepted;
    m_reauthenticating = false;
    if (!ok) {
        close();
        return;
    }
    if (auto *page = qobject_cast<WorkbenchPageWidget *>(m_pages->currentWidget()))
        page->refresh();
}

void MainWindow::zoom(int steps)
{
    m_zoomSteps = qBound(-3, steps, 8);
    QFont font = QApplication::font();
    font.setPointSizeF(m_basePointSize * (1.0 + 0.1 * m_zoomSteps));
    QApplication::setFont(font);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/zoom"), m_zoomSteps);
    event->accept();
}

} // namespace onewindow::client
