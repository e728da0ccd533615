// The real market regulation plugin, loaded by the plugin host from where the client finds it,
// with a real onewindow-server: its checks of the registered capital and the business scope (in
// English and Chinese, and as the server decides), and its page of the day's establishments.
#include "guitest.h"
#include "models/serverclock.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"
#include "models/todaycasesmodel.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCompleter>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMetaProperty>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QWizardPage>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace Column = onewindow::models::TodayCaseColumn;
using Role = onewindow::models::TodayCaseRole;

namespace {

const QString kCapital = QStringLiteral("registered_capital");
const QString kScope = QStringLiteral("business_scope");
const QString kCapitalPrefix = QStringLiteral("Not a valid registered capital: ");
const QString kScopePrefix = QStringLiteral("Not a valid business scope: ");

} // namespace

class tst_MarketPlugin : public QObject
{
    Q_OBJECT

    PluginTestBed m_bed;

    QList<onewindow::sdk::WorkbenchPage> marketPages(const QString &role) const
    {
        QList<onewindow::sdk::WorkbenchPage> out;
        for (const auto &page : m_bed.registries().workbenchPagesFor(role)) {
            if (page.department == QLatin1String("MR"))
                out << page;
        }
        return out;
    }

    QJsonObject accept(const QJsonObject &body)
    {
        const auto r = m_bed.createCase(body);
        if (r.status != 201)
            qFatal("refused: %d %s", r.status, r.json.toJson().constData());
        return r.object();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_bed.start(QStringLiteral(ONEWINDOW_PLUGIN_DIR), &error), qPrintable(error));
    }

    void loads()
    {
        const QString problem = m_bed.runningProblem(QStringLiteral("market"), QStringLiteral("MR"), "onewindow::market::MarketPlugin");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_bed.validatorIds(kCapital, QStringLiteral("MR")), QStringList {"market.registered-capital"});
        QCOMPARE(m_bed.validatorIds(kScope, QStringLiteral("MR")), QStringList {"market.business-scope"});
        for (const char *department : {"HF", "RE", "MI", "TX", "PS"}) {
            QVERIFY(m_bed.validatorIds(kCapital, QString::fromLatin1(department)).isEmpty());
            QVERIFY(m_bed.validatorIds(kScope, QString::fromLatin1(department)).isEmpty());
        }
    }

    void registeredCapital_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code"); ///< the server's
        QTest::newRow("whole") << "100"
                               << ""
                               << "";
        QTest::newRow("to the fen") << "12.345678"
                                    << ""
                                    << "";
        QTest::newRow("the bound") << "100000000"
                                   << ""
                                   << "";
        QTest::newRow("empty: the form decides") << ""
                                                 << ""
                                                 << "";
        const QString format = kCapitalPrefix
            + "write the amount in 10,000 yuan in digits, e.g. 100 or 12.5, "
              "without a sign, spaces or separators.";
        QTest::newRow("unit typed") << "100万元" << format << "format";
        QTest::newRow("separator") << "1,000" << format << "format";
        QTest::newRow("negative") << "-5" << format << "format";
        QTest::newRow("space") << "100 " << format << "format";
        QTest::newRow("seven decimals") << "0.1234567"
                                        << kCapitalPrefix + "at most six decimals (10,000 yuan to the fen)."
                                        << "too_many_decimals";
        QTest::newRow("zero") << "0.00" << kCapitalPrefix + "it must be more than zero."
                              << "not_positive";
        QTest::newRow("yuan typed as 万元")
            << "500000000" << kCapitalPrefix + "more than 100,000,000 (in 10,000 yuan). Was it typed in yuan?"
            << "too_large";
    }
    void registeredCapital()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.problems(kCapital, QStringLiteral("MR"), value).join(QLatin1Char(' ')), message);
    }

    void businessScope_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("one code") << "C1742"
                                  << ""
                                  << "";
        QTest::newRow("several, as typed in Chinese") << "C1742；F5132、H6210"
                                                      << ""
                                                      << "";
        QTest::newRow("empty: the form decides") << ""
                                                 << ""
                                                 << "";
        QTest::newRow("only separators") << "；" << kScopePrefix + "give at least one industry code, e.g. C1742."
                                         << "empty";
        QTest::newRow("words") << "纺织品销售"
                               << kScopePrefix
                + "“纺织品销售” is not an industry code (a letter and four digits, e.g. "
                  "C1742)."
                               << "format";
        QTest::newRow("wrong section") << "C1742;F1742"
                                       << kScopePrefix
                + "in “F1742” the letter is not the section of the industry its digits name."
                                       << "section";
        QTest::newRow("not registered here")
            << "C1799" << kScopePrefix + "“C1799” is not an industry this hall registers."
            << "unknown_code";
        QTest::newRow("twice") << "C1742 c1742" << kScopePrefix + "“C1742” is given twice."
                               << "duplicate";
    }
    void businessScope()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.problems(kScope, QStringLiteral("MR"), value).join(QLatin1Char(' ')), message);
    }

    void messagesInTheUsersLanguage()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(m_bed.problems(kCapital, QStringLiteral("MR"), QStringLiteral("0.1234567")),
            QStringList {QStringLiteral("注册资本无效：最多六位小数（以万元计，精确到分）。")});
        QCOMPARE(m_bed.problems(kScope, QStringLiteral("MR"), QStringLiteral("C1799")),
            QStringList {QStringLiteral("经营范围无效：“C1799”不是本大厅登记的行业。")});
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(m_bed.problems(kScope, QStringLiteral("MR"), QStringLiteral("C1799"))[0].startsWith(kScopePrefix));
    }

    // What the plugin refuses, the server refuses with the domain's reason; what it accepts, the
    // server accepts.
    void theServerAgreesOnTheCapital_data() { registeredCapital_data(); }
    void theServerAgreesOnTheCapital()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(message.isEmpty(), code.isEmpty());
        // An empty value is the form's rule, which the server applies: the field is required.
        QCOMPARE(m_bed.serverProblem(QStringLiteral("MR-001"), kCapital, value),
            value.isEmpty() ? QStringLiteral("required") : code);
    }

    void theServerAgreesOnTheScope_data() { businessScope_data(); }
    void theServerAgreesOnTheScope()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(message.isEmpty(), code.isEmpty());
        // An empty value is the form's rule, which the server applies: the field is required.
        QCOMPARE(m_bed.serverProblem(QStringLiteral("MR-004"), kScope, value),
            value.isEmpty() ? QStringLiteral("required") : code);
    }

    // The business scope's editor, as the intake form makes it from the field's type: the code
    // being typed completes from the list, after the codes before it, from the keyboard.
    void businessScopeEditor()
    {
        const onewindow::sdk::FieldTypeFactory *factory = m_bed.registries().fieldType(kScope);
        QVERIFY(factory);
        std::unique_ptr<QWidget> widget(
            factory->create({kScope, QStringLiteral("经营范围（行业代码）"), kScope, true}, nullptr));
        auto *edit = qobject_cast<QLineEdit *>(widget.get());
        QVERIFY(edit);
        // The form reads and writes the value through the user property, and notices changes.
        QCOMPARE(QByteArray(edit->metaObject()->userProperty().name()), QByteArray("text"));
        auto *completer = widget->findChild<QCompleter *>();
        QVERIFY(completer);
        QVERIFY(!completer->popup()->accessibleName().isEmpty());
        edit->show();
        QVERIFY(QTest::qWaitForWindowExposed(edit));
        edit->setFocus();

        // QTest types ASCII only: the full-width separator is a key press with its text, as an input method gives it.
        const auto typeSeparator = [edit](const QString &separator) {
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, separator, Qt::NoModifier);
        };
        QTest::keyClicks(edit, QStringLiteral("C1742"));
        typeSeparator(QStringLiteral("；"));
        QTest::keyClicks(edit, QStringLiteral("f51"));
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionPrefix(), QStringLiteral("f51"));
        QStringList offered;
        for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
            offered << completer->completionModel()->index(row, 0).data().toString();
        QCOMPARE(offered,
            (QStringList {QStringLiteral("F5131 纺织品、针织品及原料批发"), QStringLiteral("F5132 服装批发")}));
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(edit->text(), QStringLiteral("C1742；F5132"));
        QCOMPARE(edit->toolTip(), QStringLiteral("C1742 绢纺和丝织加工；F5132 服装批发"));
        QCOMPARE(m_bed.problems(kScope, QStringLiteral("MR"), edit->text()), QStringList());

        // Nothing on the list begins so: nothing is offered, and the check says why.
        typeSeparator(QStringLiteral("、"));
        QTest::keyClicks(edit, QStringLiteral("Z9"));
        QVERIFY(!completer->popup()->isVisible());
        QCOMPARE(edit->toolTip(), QStringLiteral("C1742 绢纺和丝织加工；F5132 服装批发"));
        QVERIFY(!m_bed.problems(kScope, QStringLiteral("MR"), edit->text()).isEmpty());
    }

    // The electronic business licence, for the matter editor's material form.
    void eLicenseMappings()
    {
        QCOMPARE(m_bed.registries().licenseTypesFor(QStringLiteral("BUSINESS_LICENSE")),
                 QStringList{QStringLiteral("BUSINESS_LICENSE")});
        QCOMPARE(m_bed.registries().licenseTypesFor(QStringLiteral("BUSINESS_LICENSE_COPY")),
                 QStringList{QStringLiteral("BUSINESS_LICENSE")});
        QVERIFY(m_bed.registries().licenseTypesFor(QStringLiteral("LEASE")).isEmpty());
    }

    // The page an enterprise's establishment adds to the intake: the registered capital and the
    // shareholders, named after the form's fields, complete when the contributions add up.
    void shareholdersPage()
    {
        QVERIFY(m_bed.registries().wizardPagesFor(QStringLiteral("MR-004")).isEmpty());
        const auto factories = m_bed.registries().wizardPagesFor(QStringLiteral("MR-001"));
        QCOMPARE(factories.size(), 1);
        std::unique_ptr<QWizardPage> page(factories[0].create(nullptr));
        QVERIFY(page);
        QCOMPARE(page->title(), QStringLiteral("Shareholders and their contributions"));
        auto *capital = page->findChild<QLineEdit *>(kCapital);
        // The plugin's classes are its own (hidden in its file): found by name, read by property.
        auto *edit = page->findChild<QWidget *>(QStringLiteral("shareholders"));
        QVERIFY(capital && edit);
        QVERIFY(edit->metaObject()->userProperty().isValid());
        QCOMPARE(edit->metaObject()->userProperty().name(), "text");
        auto *table = byAccessibleName<QTableWidget>(page.get(), QStringLiteral("Shareholders"));
        auto *add = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Add shareholder"));
        auto *remove = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Remove shareholder"));
        auto *status = byAccessibleName<QLabel>(page.get(), QStringLiteral("Contributions"));
        QVERIFY(table && add && remove && status);
        QVERIFY(unnamedInteractiveWidgets(page.get()).isEmpty());
        QVERIFY(!page->isComplete());
        QCOMPARE(status->text(), QStringLiteral("Add at least one shareholder."));

        QSignalSpy complete(page.get(), &QWizardPage::completeChanged);
        QSignalSpy changed(edit, SIGNAL(textChanged()));
        capital->setText(QStringLiteral("100"));
        add->click();
        QCOMPARE(table->rowCount(), 1);
        const auto type = [table](int row, int column, const QString &text) {
            table->item(row, column)->setText(text);
        };
        type(0, 0, QStringLiteral("张三"));
        type(0, 2, QStringLiteral("60"));
        QVERIFY(changed.count() >= 3);
        QVERIFY(complete.count() >= 3);
        QVERIFY(!page->isComplete());
        QCOMPARE(status->text(), QStringLiteral("The contributions add up to 60 (10,000 yuan), the registered capital is 100."));
        add->click();
        type(1, 0, QStringLiteral("盛泽丝绸有限公司"));
        type(1, 1, QStringLiteral("91512081MA62K0260X"));
        type(1, 2, QStringLiteral("40"));
        QCOMPARE(status->text(),
                 QStringLiteral("Shareholder 2: 91512081MA62K0260X is neither a valid ID number nor a valid credit code."));
        type(1, 1, QStringLiteral("91512081MA62K0260E"));
        QVERIFY(page->isComplete());
        QCOMPARE(status->text(),
                 QStringLiteral("2 shareholder(s); the contributions add up to 100 (10,000 yuan), the registered capital."));
        QCOMPARE(edit->property("text").toString(),
                 QStringLiteral("张三，，60万元；盛泽丝绸有限公司，91512081MA62K0260E，40万元"));
        type(0, 2, QStringLiteral("六十"));
        QCOMPARE(status->text(),
                 QStringLiteral("Shareholder 1: the contribution is not an amount in 10,000 yuan, such as 60 or 12.5."));
        type(0, 2, QStringLiteral("59.5"));
        capital->setText(QStringLiteral("99.5"));
        QVERIFY(page->isComplete());

        // Removing a row; and what a draft saved comes back as it was, unreadable parts kept.
        table->setCurrentCell(1, 0);
        remove->click();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(!page->isComplete());
        edit->setProperty("text", QStringLiteral("李四，11010519491231002X，12.5万元；某某投资"));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("11010519491231002X"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("12.5"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("某某投资"));
        QCOMPARE(edit->property("text").toString(), QStringLiteral("李四，11010519491231002X，12.5万元；某某投资，，"));
        QCOMPARE(status->text(),
                 QStringLiteral("Shareholder 2: the contribution is not an amount in 10,000 yuan, such as 60 or 12.5."));
    }

    void workbenchPageIsForCounterRoles()
    {
        for (const char *role : {"clerk", "agent", "supervisor"}) {
            const auto pages = marketPages(QString::fromLatin1(role));
            QCOMPARE(pages.size(), 1);
            QCOMPARE(pages[0].id, QStringLiteral("market.today"));
            QCOMPARE(pages[0].title, QStringLiteral("Today's establishments"));
        }
        // Approvers see it in market regulation only; clerk1's context has no department.
        QVERIFY(marketPages(QStringLiteral("approver")).isEmpty());
        QVERIFY(marketPages(QStringLiteral("admin")).isEmpty());
        QVERIFY(marketPages(QStringLiteral("auditor")).isEmpty());
    }

    // Against the server: a person's and an enterprise's establishments accepted today (the
    // server's today, 27 November), a market regulation case that establishes nothing (a
    // change of registration) and a housing fund case too; the page shows exactly the two
    // establishments.
    void workbenchPageShowsTodaysEstablishments()
    {
        // What the earlier tests accepted is on the list too: count from here.
        const auto pages = marketPages(QStringLiteral("clerk"));
        QCOMPARE(pages.size(), 1);
        std::unique_ptr<QWidget> page(pages[0].create(nullptr));
        QVERIFY(page);
        auto *table = byAccessibleName<QTableView>(page.get(), QStringLiteral("Today's establishments"));
        auto *refresh = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Refresh"));
        auto *count = byAccessibleName<QLabel>(page.get(), QStringLiteral("Number of cases"));
        QVERIFY(table && refresh && count);
        QCOMPARE(count->text(), QStringLiteral("Not loaded yet."));
        QVERIFY(unnamedInteractiveWidgets(page.get()).isEmpty());
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->metaObject()->className(), "onewindow::models::TodayCasesModel");
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->columnCount(), Column::LastColumn + 1);

        refresh->click();
        QTRY_VERIFY_WITH_TIMEOUT(count->text().contains(QLatin1String("accepted today")), 30000);
        const int before = model->rowCount();

        const QJsonObject person = accept(m_bed.intake(QStringLiteral("MR-004")));
        QJsonObject enterpriseBody = m_bed.intake(QStringLiteral("MR-001"), {{kCapital, "250.5"}});
        enterpriseBody.insert(QStringLiteral("applicant"),
            QJsonObject {{"kind", "organization"}, {"name", QStringLiteral("盛泽丝绸有限公司")},
                {"creditCode", "91512081MA62K0260E"}, {"legalRepresentative", QStringLiteral("李四")},
                {"phone", "13800138000"}});
        const QJsonObject enterprise = accept(enterpriseBody);
        const QJsonObject housing = accept(m_bed.intake(QStringLiteral("HF-001")));
        const QJsonObject change = accept(m_bed.intake(QStringLiteral("MR-005")));
        QVERIFY(person.value(QLatin1String("number")).toString().startsWith(QLatin1String("SZ-20261127-")));

        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 2, 30000);
        QTRY_VERIFY(!count->text().startsWith(QLatin1String("Loading")));
        QCOMPARE(count->text(),
            QStringLiteral("%1 establishment(s) accepted today, %2; enterprises: 1.")
                .arg(before + 2)
                .arg(QLocale().toString(QDate(2026, 11, 27), QLocale::LongFormat)));
        // Newest first: the enterprise, then the person.
        const auto cell
            = [model](int row, int column, int role = Qt::DisplayRole) { return model->index(row, column).data(role); };
        QCOMPARE(cell(0, Column::Number).toString(), enterprise.value(QLatin1String("number")).toString());
        QCOMPARE(cell(0, Column::Matters).toString(), QStringLiteral("MR-001"));
        QCOMPARE(cell(0, Column::Applicant).toString(), QStringLiteral("盛泽丝绸有限公司"));
        QCOMPARE(cell(0, Column::Identifier).toString(), QStringLiteral("91512081MA62K0260E"));
        QCOMPARE(cell(0, Column::Status).toString(), QStringLiteral("Accepted"));
        QCOMPARE(
            cell(0, Column::Number, static_cast<int>(Role::ApplicantKind)).toString(), QStringLiteral("organization"));
        QCOMPARE(cell(1, Column::Number).toString(), person.value(QLatin1String("number")).toString());
        QCOMPARE(cell(1, Column::Identifier).toString(), QStringLiteral("110105********002X"));
        QCOMPARE(cell(1, Column::Number, static_cast<int>(Role::CaseId)).toString(),
            person.value(QLatin1String("id")).toString());
        QCOMPARE(cell(1, Column::Number, static_cast<int>(Role::Matters)).toStringList(), QStringList {"MR-004"});
        QCOMPARE(cell(1, Column::Number, static_cast<int>(Role::AcceptedAt)).toDateTime().date(), QDate(2026, 11, 27));
        QCOMPARE(cell(1, Column::Number, static_cast<int>(Role::PromisedDueDate)).toDate(),
            QDate::fromString(person.value(QLatin1String("promisedDueDate")).toString(), Qt::ISODate));
        QCOMPARE(model->headerData(Column::Identifier, Qt::Horizontal).toString(),
            QStringLiteral("Credit code or ID number"));
        QVERIFY(model->roleNames().value(static_cast<int>(Role::Identifier)) == "identifier");
        QStringList numbers;
        for (int row = 0; row < model->rowCount(); ++row)
            numbers << cell(row, Column::Number).toString();
        QVERIFY(!numbers.contains(housing.value(QLatin1String("number")).toString()));
        QVERIFY(!numbers.contains(change.value(QLatin1String("number")).toString()));

        // Midnight on the server's clock (the host's ServerClock, through the plugin's context):
        // the page asks again, and yesterday's cases leave it.
        const auto serverDate = [this](const char *today) {
            QVERIFY(m_bed.api().clock()->learn({{"today", today}, {"now", QString(today) + "T00:00:01.000+08:00"}}));
        };
        serverDate("2026-11-28");
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 30000);
        QTRY_VERIFY(count->text().startsWith(QLatin1String("0 establishment(s) accepted today")));
        serverDate("2026-11-27");
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 2, 30000);
    }

    // The server out of reach: the page says so and keeps what it showed.
    void serverUnreachable()
    {
        std::unique_ptr<QWidget> page(marketPages(QStringLiteral("clerk"))[0].create(nullptr));
        auto *table = byAccessibleName<QTableView>(page.get(), QStringLiteral("Today's establishments"));
        auto *refresh = byAccessibleName<QPushButton>(page.get(), QStringLiteral("Refresh"));
        auto *count = byAccessibleName<QLabel>(page.get(), QStringLiteral("Number of cases"));
        refresh->click();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 30000);
        const int rows = table->model()->rowCount();

        QTcpServer probe; // a loopback port that was free a moment ago: connections are refused
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl unreachable(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        const QUrl server = m_bed.api().baseUrl();
        m_bed.api().setBaseUrl(unreachable);
        m_bed.api().setMaxRetries(0);
        refresh->click();
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QLatin1String("Could not load today's cases: ")), 30000);
        QCOMPARE(table->model()->rowCount(), rows);
        m_bed.api().setBaseUrl(server);
    }

    void cleanupTestCase()
    {
        const QString problem = m_bed.shutdownProblem(QStringLiteral("market"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(tst_MarketPlugin)
#include "tst_marketplugin.moc"
