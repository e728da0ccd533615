// The real taxation plugin, loaded by the plugin host from where the client finds it, with a real
// onewindow-server: its check of the taxpayer identification number, in English and Chinese and
// as the server decides.
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"

#include <QTest>


namespace {

const QString kField = QStringLiteral("credit_code");
const QString kPrefix = QStringLiteral("Not a valid taxpayer identification number: ");

} // namespace

class tst_TaxPlugin : public QObject
{
    Q_OBJECT

    PluginTestBed m_bed;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_bed.start(QStringLiteral(ONEWINDOW_PLUGIN_DIR), &error), qPrintable(error));
    }

    void loads()
    {
        const QString problem = m_bed.runningProblem(QStringLiteral("tax"), QStringLiteral("TX"), "onewindow::tax::TaxPlugin");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Its own check of TX matters' credit codes; the housing fund has its own for HF's.
        QCOMPARE(m_bed.validatorIds(kField, QStringLiteral("TX")), QStringList {"tax.taxpayer-number"});
        QCOMPARE(m_bed.validatorIds(kField, QStringLiteral("HF")), QStringList {"housingfund.credit-code"});
        QVERIFY(m_bed.validatorIds(kField, QStringLiteral("MR")).isEmpty());
    }

    void validator_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code"); ///< the server's
        QTest::newRow("valid") << "91512081MA62K0260E"
                               << ""
                               << "";
        QTest::newRow("lowercase") << "91110000802100433b"
                                   << ""
                                   << "";
        QTest::newRow("empty: the form decides") << ""
                                                 << ""
                                                 << "";
        QTest::newRow("17 characters") << "91512081MA62K0260"
                                       << kPrefix
                + "an enterprise's is its unified social credit code, 18 characters long."
                                       << "length";
        QTest::newRow("letter O") << "91110000802100O33B"
                                  << kPrefix + "only digits and the capital letters A to Y without I, O, S, V and Z."
                                  << "characters";
        QTest::newRow("region") << "9151A081MA62K0260E"
                                << kPrefix + "characters 3 to 8 are the digits of the region of registration."
                                << "region";
        QTest::newRow("changed digit") << "91512081MA62K0261E"
                                       << kPrefix
                + "the check character does not match; compare it with the business licence."
                                       << "check_character";
    }
    void validator()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.problems(kField, QStringLiteral("TX"), value).join(QLatin1Char(' ')), message);
    }

    void messagesInTheUsersLanguage()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(m_bed.problems(kField, QStringLiteral("TX"), QStringLiteral("91512081MA62K0261E")),
            QStringList {QStringLiteral("纳税人识别号无效：校验码不符，请与营业执照核对。")});
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(m_bed.problems(kField, QStringLiteral("TX"), QStringLiteral("x"))[0].startsWith(kPrefix));
    }

    void theServerAgrees_data() { validator_data(); }
    void theServerAgrees()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(message.isEmpty(), code.isEmpty());
        // An empty value is the form's rule, which the server applies: the field is required.
        QCOMPARE(m_bed.serverProblem(QStringLiteral("TX-002"), kField, value),
            value.isEmpty() ? QStringLiteral("required") : code);
    }

    void cleanupTestCase()
    {
        const QString problem = m_bed.shutdownProblem(QStringLiteral("tax"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(tst_TaxPlugin)
#include "tst_taxplugin.moc"
