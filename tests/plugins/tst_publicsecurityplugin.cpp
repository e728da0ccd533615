// The real public security plugin, loaded by the plugin host from where the client finds it, with
// a real onewindow-server: its check of the birth medical certificate number, in English and
// Chinese and as the server decides.
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"

#include <QTest>


namespace {

const QString kField = QStringLiteral("birth_cert_number");
const QString kPrefix = QStringLiteral("Not a valid birth medical certificate number: ");

} // namespace

class tst_PublicSecurityPlugin : public QObject
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
        const QString problem = m_bed.runningProblem(QStringLiteral("publicsecurity"), QStringLiteral("PS"), "onewindow::publicsecurity::PublicSecurityPlugin");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_bed.validatorIds(kField, QStringLiteral("PS")), QStringList {"publicsecurity.birth-certificate"});
        for (const char *department : {"HF", "MR", "RE", "MI", "TX"})
            QVERIFY(m_bed.validatorIds(kField, QString::fromLatin1(department)).isEmpty());
    }

    void validator_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code"); ///< the server's
        QTest::newRow("Jiangsu") << "X320101001"
                                 << ""
                                 << "";
        QTest::newRow("lowercase letter") << "q110000123"
                                          << ""
                                          << "";
        QTest::newRow("empty: the form decides") << ""
                                                 << ""
                                                 << "";
        QTest::newRow("nine characters") << "X32010100"
                                         << kPrefix
                + "it has ten characters, a letter and nine digits, e.g. X320101001."
                                         << "length";
        QTest::newRow("no letter") << "3320101001" << kPrefix + "a letter, then nine digits, e.g. X320101001."
                                   << "characters";
        QTest::newRow("no such province")
            << "X990101001"
            << kPrefix + "the first two digits are the code of the province that issued it, e.g. 32 for Jiangsu."
            << "province";
    }
    void validator()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.problems(kField, QStringLiteral("PS"), value).join(QLatin1Char(' ')), message);
    }

    void messagesInTheUsersLanguage()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(m_bed.problems(kField, QStringLiteral("PS"), QStringLiteral("3320101001")),
            QStringList {QStringLiteral("出生医学证明编号无效：应为一位字母加九位数字，如 X320101001。")});
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(m_bed.problems(kField, QStringLiteral("PS"), QStringLiteral("x"))[0].startsWith(kPrefix));
    }

    void theServerAgrees_data() { validator_data(); }
    void theServerAgrees()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(message.isEmpty(), code.isEmpty());
        // An empty value is the form's rule, which the server applies: the field is required.
        QCOMPARE(m_bed.serverProblem(QStringLiteral("PS-006"), kField, value),
            value.isEmpty() ? QStringLiteral("required") : code);
    }

    void cleanupTestCase()
    {
        const QString problem = m_bed.shutdownProblem(QStringLiteral("publicsecurity"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(tst_PublicSecurityPlugin)
#include "tst_publicsecurityplugin.moc"
