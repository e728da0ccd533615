// The intake page offscreen against a real server: a clerk takes in HF-001 with the simulated
// ID card, marks the labour contract deficient and accepts, on two server dates (due dates follow
// the server's date and calendar, never this PC's), and with the housing fund plugin, whose own
// acceptance notice the page then prints; an unfinished intake is resumed.
#include "guitest.h"
#include "apisignin.h"
#include "catalogcache.h"
#include "intake/intakepage.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "printdocument.h"
#include "registries.h"
#include "serverprocess.h"

#include "models/apiclient.h"
#include "models/catalogsync.h"
#include "models/identityreader.h"
#include "models/intakesession.h"
#include "models/localstore.h"
#include "models/serverclock.h"

#include <QApplication>
#include <QRegularExpression>
#include <QTimer>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>

using namespace onewindow;

class tst_IntakePage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    models::ApiClient m_api;
    models::LocalStore m_store;
    models::UserInfo m_user;
    QString m_card;

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        const auto user = signInAndWait(m_api, "clerk1");
        QVERIFY(user);
        m_user = *user;
        QVERIFY(openCatalogCache(m_api, m_store, m_dir.filePath("client.sqlite")));
        m_card = m_dir.filePath("card.json");
        QFile card(m_card);
        QVERIFY(card.open(QIODevice::WriteOnly));
        card.write(QJsonDocument(QJsonObject{{"name", QStringLiteral("张三")}, {"idNumber", "11010519491231002X"},
                                             {"address", QStringLiteral("北京市朝阳区")}})
                       .toJson());
    }

private:
    /// Which acceptance notice the page prints.
    enum class Notice { BuiltIn, HousingFund };

    // The whole intake of HF-001 with the labour contract deficient, accepted; `due` is when the
    // contract must come in by the server's date: on screen, in the session, on both papers. The
    // page has the plugins' `registries`; `notice` is the acceptance notice it must print.
    void acceptWithDeficiency(models::ApiClient &api, models::LocalStore &store, const QDate &due,
                              const sdk::Registries *registries = nullptr, Notice notice = Notice::BuiltIn)
    {
        models::SimulatedIdentityReader reader(m_card);
        client::IntakePage page(&api, &store, "SZ", &reader, registries);
        page.resize(1100, 700);
        page.show();
        page.refresh();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());

        // Step 1: the card fills the applicant; the phone is typed.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Read ID card"), Qt::LeftButton);
        auto *id = byAccessibleName<QLineEdit>(&page, "ID number");
        QTRY_COMPARE_WITH_TIMEOUT(id->text(), QStringLiteral("11010519491231002X"), 10000);
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, "Phone"), "13800138000");
        QTRY_VERIFY_WITH_TIMEOUT(page.session()->applicantProblems().isEmpty(), 10000);

        // Step 2: find the matter as the clerk types, Enter takes the first.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        auto *search = byAccessibleName<QLineEdit>(&page, "Find a matter");
        QTRY_VERIFY(byAccessibleName<QTableView>(&page, "Matters")->model()->rowCount() >= 30);
        QTest::keyClicks(search, "HF-001");
        QCOMPARE(byAccessibleName<QTableView>(&page, "Matters")->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->matterCodes(), QStringList{"HF-001"}, 10000);

        // Step 3: the shared fields came from the card; the rest is typed.
        QTRY_VERIFY(byAccessibleName<QLineEdit>(&page, QStringLiteral("申请人姓名")));
        QCOMPARE(byAccessibleName<QLineEdit>(&page, QStringLiteral("申请人姓名"))->text(), QStringLiteral("张三"));
        // QTest types ASCII only; insert() is an edit as if typed.
        byAccessibleName<QLineEdit>(&page, QStringLiteral("工作单位名称"))->insert(QStringLiteral("盛泽纺织"));
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, QStringLiteral("月缴存基数")), "5000");
        QVERIFY(page.session()->formProblems().isEmpty());

        // Step 4: the electronic ID card covers ID_CARD; the contract will come later.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->materials()[0].provided, QStringLiteral("e_license"), 10000);
        auto *contract = byAccessibleName<QComboBox>(&page, QStringLiteral("Provision of 劳动合同"));
        QVERIFY(contract);
        contract->setCurrentIndex(contract->findData("deficient"));
        emit contract->activated(contract->currentIndex());
        QTRY_COMPARE(page.session()->completeness(), models::IntakeSession::Completeness::CompleteExceptTolerated);
        QTRY_COMPARE(page.session()->materials()[1].dueDate, due);
        const QString dueOnScreen = QStringLiteral("劳动合同 due by ") + QLocale().toString(due, QLocale::ShortFormat);
        QVERIFY2(byAccessibleName<QLabel>(&page, dueOnScreen), qPrintable(dueOnScreen));

        // Step 5: accept; the server holds the case as accepted with deficiency.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        // The green channel asks why; left off here.
        auto *green = byAccessibleName<QCheckBox>(&page, "Green channel");
        auto *why = byAccessibleName<QLineEdit>(&page, "Reason for the green channel");
        QVERIFY(green && why && !why->isEnabled());
        green->setChecked(true);
        QVERIFY(why->isEnabled() && page.session()->greenChannel());
        green->setChecked(false);
        QVERIFY(!page.session()->greenChannel());
        QSignalSpy submitted(page.session(), &models::IntakeSession::submitted);
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Accept"), Qt::LeftButton);
        QVERIFY(submitted.wait(30000));
        const QJsonObject created = submitted.at(0).at(0).toJsonObject();
        QCOMPARE(created.value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        // The server holds the date the clerk saw.
        QCOMPARE(created.value("deficiencies").toArray()[0].toObject().value("dueDate").toString(),
                 due.toString(Qt::ISODate));
        QTRY_VERIFY(page.findChildren<QLabel *>().size() > 0);
        bool shown = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            shown = shown || l->text().contains(created.value("number").toString());
        QVERIFY(shown);

        // The papers can be printed now; the acceptance notice names the case and the materials.
        QVERIFY(byAccessibleName<QPushButton>(&page, "Print")->isEnabled());
        QTemporaryDir out;
        const QString pdf = out.filePath("acceptance.pdf");
        QVERIFY(page.savePaper(0, pdf));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("受理通知书")), qPrintable(text));
        QVERIFY(text.contains(created.value("number").toString()));
        QVERIFY(text.contains(QStringLiteral("劳动合同")));
        QVERIFY(!text.contains("11010519491231002X"));
        // The housing fund's own notice names the fund's 12329 hotline; the built-in one cites the
        // Administrative Licensing Law instead.
        const QString words = QString(text).remove(QRegularExpression("\\s"));
        if (notice == Notice::HousingFund) {
            QVERIFY2(words.contains(QStringLiteral("住房公积金业务受理通知书"))
                         && words.contains(QStringLiteral("住房公积金服务热线12329")),
                     qPrintable(text));
            QVERIFY(!words.contains(QStringLiteral("行政许可法")));
        } else {
            QVERIFY2(words.contains(QStringLiteral("《中华人民共和国行政许可法》第三十二条")), qPrintable(text));
            QVERIFY(!words.contains(QStringLiteral("12329")));
        }

        // The commitment letter the applicant signs promises the contract by that date.
        const QString letter = out.filePath("commitment.pdf");
        QVERIFY(page.savePaper(int(printing::PrintDocument::Commitment), letter));
        const QString promise = pdfText(letter);
        QVERIFY2(promise.contains(QStringLiteral("容缺受理承诺书")), qPrintable(promise));
        const QString dueOnPaper = due.toString(QStringLiteral("yyyy年M月d日"));
        QVERIFY2(promise.contains(dueOnPaper), qPrintable(dueOnPaper + " not in:\n" + promise));
    }

    // 李四's intake of one matter, from the start to the form step (found by its code).
    static void toTheFormOf(client::IntakePage &page, const QString &matter)
    {
        page.refresh();
        byAccessibleName<QLineEdit>(&page, "Applicant name")->insert(QStringLiteral("李四"));
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, "ID number"), "11010519491231002X");
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        auto *search = byAccessibleName<QLineEdit>(&page, "Find a matter");
        QTRY_VERIFY(byAccessibleName<QTableView>(&page, "Matters")->model()->rowCount() >= 30);
        QTest::keyClicks(search, matter);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->matterCodes(), QStringList{matter}, 10000);
    }

private slots:
    void acceptWithDeficiency() { acceptWithDeficiency(m_api, m_store, QDate(2026, 12, 4)); }

    // The housing fund plugin, loaded by the plugin host from the folder the client finds it in:
    // the acceptance notice the page prints for an HF case is the fund's own; the commitment
    // letter, for which the plugin offers no template, stays the built-in one.
    void printsTheHousingFundPluginsAcceptanceNotice()
    {
        pluginhost::PluginManager plugins;
        plugins.setSearchPaths({QStringLiteral(ONEWINDOW_PLUGIN_DIR)});
        plugins.loadPlugins(pluginhost::PluginManager::contextFactory(&m_api, &m_user));
        const pluginhost::PluginSpec *spec = plugins.plugin(QStringLiteral("housingfund"));
        QVERIFY(spec);
        QVERIFY2(spec->state() == pluginhost::PluginSpec::State::Running, qPrintable(spec->errorString()));
        acceptWithDeficiency(m_api, m_store, QDate(2026, 12, 4), &plugins.registries(), Notice::HousingFund);
        plugins.shutdown();
    }

    // No plugin in the plugin folders: the page prints the built-in acceptance notice.
    void printsTheBuiltInNoticeWithoutThePlugin()
    {
        QTemporaryDir noPlugins;
        QVERIFY(noPlugins.isValid());
        pluginhost::PluginManager plugins;
        plugins.setSearchPaths({noPlugins.path()});
        plugins.loadPlugins(pluginhost::PluginManager::contextFactory(&m_api, &m_user));
        QVERIFY(plugins.plugins().isEmpty());
        acceptWithDeficiency(m_api, m_store, QDate(2026, 12, 4), &plugins.registries(), Notice::BuiltIn);
        plugins.shutdown();
    }

    // The day before the National Day holiday: five working days of HF-001 skip 1-7 October and
    // count Saturday 10 October, an adjusted working day. Whatever this PC's date.
    void dueDatesFollowTheServersCalendar()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, dir.path(), &error);
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-09-30"}, &error), qPrintable(error));
        models::ApiClient api;
        api.setBaseUrl(QUrl(server.baseUrl()));
        QVERIFY(signInAndWait(api, "clerk1"));
        QCOMPARE(api.clock()->today(), QDate(2026, 9, 30));
        models::LocalStore store;
        QVERIFY(openCatalogCache(api, store, dir.filePath("client.sqlite")));
        acceptWithDeficiency(api, store, QDate(2026, 10, 13));
        store.flush();
        QCOMPARE(server.stop(), 0);
    }

    // The form is made from the field types; a department plugin's check speaks next to its field;
    // the applicant and the matter stay in sight on every step.
    void formFromFieldTypesAndPluginChecks()
    {
        sdk::Registries registries;
        registries.addValidator({"test.deposit-cap", "deposit_base", "HF", [](const QString &v) {
                                     return v.toDouble() <= 50000 ? QString() : QStringLiteral("Above the fund's cap.");
                                 }});
        client::IntakePage page(&m_api, &m_store, "SZ", nullptr, &registries);
        page.show();
        page.refresh();
        auto *bar = byAccessibleName<QLabel>(&page, "Applicant and matter");
        QVERIFY(bar);
        QVERIFY2(bar->text().contains("no matter chosen"), qPrintable(bar->text()));
        byAccessibleName<QLineEdit>(&page, "Applicant name")->insert(QStringLiteral("李四"));
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, "ID number"), "11010519491231002X");
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        auto *search = byAccessibleName<QLineEdit>(&page, "Find a matter");
        QTRY_VERIFY(byAccessibleName<QTableView>(&page, "Matters")->model()->rowCount() >= 30);
        QTest::keyClicks(search, "gjjjc"); // pinyin initials of 公积金缴存
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Choose matter"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->matterCodes(), QStringList{"HF-001"}, 10000);

        // Shown on the form step: the name, the ID masked, the matter.
        QTRY_VERIFY(bar->isVisible() && bar->text().contains("HF-001"));
        QVERIFY(bar->text().contains(QStringLiteral("李四")));
        QVERIFY2(!bar->text().contains("11010519491231002X") && bar->text().contains("002X"), qPrintable(bar->text()));

        auto *deposit = byAccessibleName<QLineEdit>(&page, QStringLiteral("月缴存基数"));
        QVERIFY(deposit);
        QTest::keyClicks(deposit, "80000");
        QCOMPARE(page.session()->formValue("deposit_base"), QStringLiteral("80000"));
        QCOMPARE(deposit->accessibleDescription(), QStringLiteral("Above the fund's cap."));
        QLabel *problem = byAccessibleName<QLabel>(&page, "Above the fund's cap.");
        QVERIFY(problem && problem->isVisible());
        deposit->clear();
        QTest::keyClicks(deposit, "8000");
        QCOMPARE(deposit->accessibleDescription(), QString());
        QVERIFY(!problem->isVisible());
        // Left empty after typing: required, said at the field.
        deposit->clear();
        QCOMPARE(deposit->accessibleDescription(), QStringLiteral("Required."));
    }

    // A department page (IWizardPageProvider) on the form step of its matter: its field editor
    // takes the place of the form's own, what is typed there is the intake's, and the page's
    // isComplete() holds Next until it is satisfied.
    void departmentPageOnTheFormStep()
    {
        class DepositPage final : public QWizardPage
        {
        public:
            explicit DepositPage(QWidget *parent) : QWizardPage(parent)
            {
                setTitle(QStringLiteral("Deposit base check"));
                setSubTitle(QStringLiteral("The base is the employee's average monthly wage of last year."));
                m_base->setObjectName(QStringLiteral("deposit_base"));
                m_base->setAccessibleName(QStringLiteral("Deposit base on the page"));
                m_confirmed->setText(QStringLiteral("Employer's wage list seen"));
                m_confirmed->setAccessibleName(m_confirmed->text());
                auto *layout = new QVBoxLayout(this);
                layout->addWidget(m_base);
                layout->addWidget(m_confirmed);
                connect(m_base, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
                connect(m_confirmed, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
            }
            bool isComplete() const override { return !m_base->text().isEmpty() && m_confirmed->isChecked(); }

        private:
            QLineEdit *m_base = new QLineEdit(this);
            QCheckBox *m_confirmed = new QCheckBox(this);
        };
        sdk::Registries registries;
        registries.addWizardPage({"HF-001", [](QWidget *parent) -> QWizardPage * { return new DepositPage(parent); }});
        registries.addWizardPage({"MR-001", [](QWidget *parent) -> QWizardPage * { return new QWizardPage(parent); }});
        client::IntakePage page(&m_api, &m_store, "SZ", nullptr, &registries);
        page.resize(1100, 700);
        page.show();
        toTheFormOf(page, "HF-001");
        if (QTest::currentTestFailed())
            return;

        // The page, in a box named by its title; the form's own editor of the field is gone.
        QTRY_VERIFY(byAccessibleName<QWidget>(&page, "Deposit base check"));
        QVERIFY(!byAccessibleName<QLineEdit>(&page, QStringLiteral("月缴存基数")));
        auto *base = byAccessibleName<QLineEdit>(&page, "Deposit base on the page");
        QVERIFY(base && base->isVisible());
        QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
        auto *next = byAccessibleName<QPushButton>(&page, "Next");
        QVERIFY(!next->isEnabled());
        const auto says = [&page](const QString &text) {
            const auto labels = page.findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(),
                               [&text](const QLabel *l) { return l->isVisible() && l->text().contains(text); });
        };
        QVERIFY(says(QStringLiteral("Complete “Deposit base check” before going on.")));

        QTest::keyClicks(base, "5000");
        QCOMPARE(page.session()->formValue("deposit_base"), QStringLiteral("5000"));
        QVERIFY(!next->isEnabled());
        byAccessibleName<QCheckBox>(&page, "Employer's wage list seen")->setChecked(true);
        QVERIFY(next->isEnabled());
        QVERIFY(!says(QStringLiteral("Complete “Deposit base check” before going on.")));
        // Cleared on the page: required, said in the page's box, and Next is held again.
        base->clear();
        QCOMPARE(base->accessibleDescription(), QStringLiteral("Required."));
        QVERIFY(!next->isEnabled());
    }

    // The market regulation plugin's own page, for an enterprise's establishment: the
    // registered capital and the shareholders are asked there together, and Next waits until
    // the contributions add up to the capital; what is typed is the intake's form.
    void marketPluginsShareholdersPage()
    {
        pluginhost::PluginManager plugins;
        plugins.setSearchPaths({QStringLiteral(ONEWINDOW_PLUGIN_DIR)});
        plugins.loadPlugins(pluginhost::PluginManager::contextFactory(&m_api, &m_user));
        const pluginhost::PluginSpec *spec = plugins.plugin(QStringLiteral("market"));
        QVERIFY(spec);
        QVERIFY2(spec->state() == pluginhost::PluginSpec::State::Running, qPrintable(spec->errorString()));
        {
            client::IntakePage page(&m_api, &m_store, "SZ", nullptr, &plugins.registries());
            page.resize(1100, 800);
            page.show();
            toTheFormOf(page, "MR-001");
            if (QTest::currentTestFailed())
                return;

            // The form is built once the matter's fields are in: the page's editors take the two.
            QLineEdit *capital = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                (capital = byAccessibleName<QLineEdit>(&page, "Registered capital (10,000 yuan)")) && capital->isVisible(),
                10000);
            QVERIFY(byAccessibleName<QWidget>(&page, "Shareholders and their contributions"));
            // The form's own editors of the two fields are gone: the page's edit them.
            QVERIFY(!byAccessibleName<QWidget>(&page, QStringLiteral("股东（发起人）及出资情况")));
            QVERIFY(!byAccessibleName<QWidget>(&page, QStringLiteral("注册资本（万元）")));
            auto *table = byAccessibleName<QTableWidget>(&page, "Shareholders");
            auto *add = byAccessibleName<QPushButton>(&page, "Add shareholder");
            QVERIFY(table && add);
            QCOMPARE(unnamedInteractiveWidgets(&page), QStringList());
            auto *next = byAccessibleName<QPushButton>(&page, "Next");

            QTest::keyClicks(capital, "100");
            QCOMPARE(page.session()->formValue("registered_capital"), QStringLiteral("100"));
            add->click();
            table->item(0, 0)->setText(QStringLiteral("李四"));
            table->item(0, 2)->setText(QStringLiteral("60"));
            QVERIFY(!next->isEnabled());
            const auto says = [&page](const QString &text) {
                const auto labels = page.findChildren<QLabel *>();
                return std::any_of(labels.begin(), labels.end(),
                                   [&text](const QLabel *l) { return l->isVisible() && l->text().contains(text); });
            };
            QVERIFY(says(QStringLiteral("The contributions add up to 60 (10,000 yuan), the registered capital is 100.")));
            QVERIFY(says(QStringLiteral("Complete “Shareholders and their contributions” before going on.")));
            QTest::keyClick(add, Qt::Key_Space);
            table->item(1, 0)->setText(QStringLiteral("王五"));
            table->item(1, 2)->setText(QStringLiteral("40"));
            QTRY_VERIFY(next->isEnabled());
            QCOMPARE(page.session()->formValue("shareholders"), QStringLiteral("李四，，60万元；王五，，40万元"));
        }
        plugins.shutdown();
    }

    // A one-thing bundle is one intake: fewer fields and materials than the three matters apart.
    void bundleIntake()
    {
        client::IntakePage page(&m_api, &m_store, "SZ", nullptr);
        page.show();
        page.refresh();
        auto *bundles = byAccessibleName<QComboBox>(&page, "One-thing bundle");
        QVERIFY(bundles);
        QTRY_VERIFY_WITH_TIMEOUT(bundles->findData("B-OPEN-RESTAURANT") > 0, 10000);
        bundles->setCurrentIndex(bundles->findData("B-OPEN-RESTAURANT"));
        emit bundles->activated(bundles->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->matterCodes(), (QStringList{"MR-001", "MR-002", "MR-003"}), 10000);
        QCOMPARE(page.session()->bundle(), QStringLiteral("B-OPEN-RESTAURANT"));
        QVERIFY(page.session()->fieldsSaved() > 0);
        QVERIFY(page.session()->materialsSaved() > 0);
        bool said = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            said = said || l->text().contains(QStringLiteral("The bundle saves %1 field(s)").arg(page.session()->fieldsSaved()));
        QVERIFY(said);

        // The materials step offers no choice for the business licence: it says where it comes from.
        auto *next = byAccessibleName<QPushButton>(&page, "Next");
        for (int i = 0; i < 4 && page.session()->step() != models::IntakeSession::Step::Materials; ++i)
            QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(page.session()->step(), models::IntakeSession::Step::Materials);
        QTRY_VERIFY(byAccessibleName<QComboBox>(&page, QStringLiteral("Provision of 经营场所实景照片")));
        QVERIFY(!byAccessibleName<QComboBox>(&page, QStringLiteral("Provision of 营业执照")));
        const QString produced = QStringLiteral("Not asked for, provided within the bundle:\n"
                                                "• 营业执照: with the result of MR-001 企业设立登记");
        auto *note = byAccessibleName<QLabel>(&page, produced);
        QVERIFY2(note && note->isVisible(), qPrintable(produced));
    }

    // An intake left half done is offered when the page opens again, and resumes where it was;
    // only to the clerk who left it, at the centre where it was taken in.
    void resumeADraft()
    {
        QString draftKey;
        m_store.setDraftOwner("clerk1", "SZ");
        {
            client::IntakePage page(&m_api, &m_store, "SZ", nullptr);
            page.show();
            byAccessibleName<QLineEdit>(&page, "Applicant name")->insert(QStringLiteral("王五"));
            QTest::keyClicks(byAccessibleName<QLineEdit>(&page, "ID number"), "440524188001010014");
            draftKey = page.session()->draftKey();
            m_store.flush();
        }
        // Another clerk on the same PC is offered nothing.
        m_store.setDraftOwner("clerk2", "SZ");
        {
            client::IntakePage other(&m_api, &m_store, "SZ", nullptr);
            other.show();
            // The store answers in order: once this answer is in, the page's offer was decided.
            bool listed = false;
            QStringList keys {"none yet"};
            m_store.draftKeys(this, [&](const QStringList &k) {
                keys = k;
                listed = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(listed, 10000);
            QVERIFY(keys.isEmpty());
            QVERIFY(!byAccessibleName<QPushButton>(&other, "Resume")->isVisible());
        }
        m_store.setDraftOwner("clerk1", "SZ");
        client::IntakePage again(&m_api, &m_store, "SZ", nullptr);
        again.show();
        auto *resume = byAccessibleName<QPushButton>(&again, "Resume");
        QTRY_VERIFY_WITH_TIMEOUT(resume->isVisible(), 10000);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(again.session()->applicantField("name"), QStringLiteral("王五"), 10000);
        QCOMPARE(byAccessibleName<QLineEdit>(&again, "ID number")->text(), QStringLiteral("440524188001010014"));
        QCOMPARE(again.session()->draftKey(), draftKey);
        m_store.setDraftOwner({}, {});
    }


    // Not accepted: the clerk puts the refusal on record with its reason; the one-time notice
    // then carries the case's number and every item.
    void refusalOnRecord()
    {
        models::SimulatedIdentityReader reader(m_card);
        client::IntakePage page(&m_api, &m_store, "SZ", &reader);
        page.resize(1100, 700);
        page.show();
        page.refresh();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Read ID card"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(byAccessibleName<QLineEdit>(&page, "ID number")->text(),
                                  QStringLiteral("11010519491231002X"), 10000);
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, "Phone"), "13800138000");
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        auto *search = byAccessibleName<QLineEdit>(&page, "Find a matter");
        QTRY_VERIFY(byAccessibleName<QTableView>(&page, "Matters")->model()->rowCount() >= 30);
        QTest::keyClicks(search, "HF-001");
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(page.session()->matterCodes(), QStringList{"HF-001"}, 10000);
        QTRY_VERIFY(byAccessibleName<QLineEdit>(&page, QStringLiteral("工作单位名称")));
        byAccessibleName<QLineEdit>(&page, QStringLiteral("工作单位名称"))->insert(QStringLiteral("盛泽纺织"));
        QTest::keyClicks(byAccessibleName<QLineEdit>(&page, QStringLiteral("月缴存基数")), "5000");
        // The labour contract is not brought: accepting is refused.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        QTRY_COMPARE(page.session()->completeness(), models::IntakeSession::Completeness::RequiredMissing);
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Next"), Qt::LeftButton);
        QSignalSpy failed(page.session(), &models::IntakeSession::submitFailed);
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Accept"), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<models::ApiError>().code, QStringLiteral("materials_incomplete"));

        // The matter's reasons are offered; the kind is a one-time notice, since something is missing.
        const QStringList reasons = [&] {
            QStringList out;
            for (const auto &[code, text] : page.session()->refusalReasons())
                out << code;
            return out;
        }();
        QVERIFY2(reasons.contains("NA02") && reasons.contains("NA01"), qPrintable(reasons.join(",")));
        QSignalSpy submitted(page.session(), &models::IntakeSession::submitted);
        bool dialogSeen = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            dialogSeen = true;
            QCOMPARE(unnamedInteractiveWidgets(dialog), QStringList());
            auto *kind = byAccessibleName<QComboBox>(dialog, "Kind of refusal");
            QCOMPARE(kind->currentData().toString(), QStringLiteral("one_time_notice"));
            auto *reason = byAccessibleName<QComboBox>(dialog, "Reason for not accepting");
            reason->setCurrentIndex(reason->findData("NA02"));
            byAccessibleName<QLineEdit>(dialog, "Note for the applicant")->insert(QStringLiteral("合同原件下次带来"));
            QTest::mouseClick(byAccessibleName<QPushButton>(dialog, "Record the refusal"), Qt::LeftButton);
        });
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Record the refusal"), Qt::LeftButton);
        QVERIFY(dialogSeen);
        QVERIFY(submitted.wait(30000));
        const QJsonObject refused = submitted.at(0).at(0).toJsonObject();
        QCOMPARE(refused.value("status").toString(), QStringLiteral("not_accepted"));
        QCOMPARE(refused.value("refusal").toObject().value("reason").toObject().value("code").toString(),
                 QStringLiteral("NA02"));
        const QString said = QStringLiteral("Refusal on record: case %1 (Not accepted). Print the notice for the applicant.")
                                 .arg(refused.value("number").toString());
        QVERIFY2(byAccessibleName<QLabel>(&page, said), qPrintable(said));
        QCOMPARE(byAccessibleName<QComboBox>(&page, "Document to print")->currentData().toInt(),
                 int(printing::PrintDocument::OneTimeNotice));

        QTemporaryDir out;
        const QString pdf = out.filePath("one-time-notice.pdf");
        QVERIFY(page.savePaper(int(printing::PrintDocument::OneTimeNotice), pdf));
        const QString text = pdfText(pdf).remove(QRegularExpression("\\s"));
        QVERIFY2(text.contains(QStringLiteral("一次性告知书")) && text.contains(refused.value("number").toString()),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("劳动合同")) && text.contains(QStringLiteral("合同原件下次带来")));

        // The applicant comes back: the next intake shows what they were told, by the card alone.
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "New intake"), Qt::LeftButton);
        QTest::mouseClick(byAccessibleName<QPushButton>(&page, "Read ID card"), Qt::LeftButton);
        const QString cameBefore = QStringLiteral("Came before: a one-time notice on %1 (case %2, HF-001): 申请材料不齐全 "
                                                  "To bring or correct: 劳动合同.")
                                       .arg(QLocale().toString(QDate(2026, 11, 27), QLocale::ShortFormat),
                                            refused.value("number").toString());
        QTRY_VERIFY2_WITH_TIMEOUT(byAccessibleName<QLabel>(&page, cameBefore), qPrintable(cameBefore), 10000);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(tst_IntakePage)
#include "tst_intakepage.moc"
