// The real real estate registration plugin, loaded by the plugin host from where the client finds
// it, with a real onewindow-server: its check of the title certificate number (in English and
// Chinese, and as the server decides), and its acceptance notice printed as a PDF.
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"

#include <QTest>


namespace {

const QString kField = QStringLiteral("property_cert_number");
const QString kPrefix = QStringLiteral("Not a valid property certificate number: ");

QString chineseDate(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate, Qt::ISODate);
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

} // namespace

class tst_RealEstatePlugin : public QObject
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
        const QString problem = m_bed.runningProblem(QStringLiteral("realestate"), QStringLiteral("RE"), "onewindow::realestate::RealEstatePlugin");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_bed.validatorIds(kField, QStringLiteral("RE")), QStringList {"realestate.property-certificate"});
        for (const char *department : {"HF", "MR", "MI", "TX", "PS"})
            QVERIFY(m_bed.validatorIds(kField, QString::fromLatin1(department)).isEmpty());
    }

    // The message on the client and the server's code for the same value.
    void validator_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("valid") << "苏(2026)吴江区不动产权第0001234号"
                               << ""
                               << "";
        QTest::newRow("full-width parentheses") << "苏（2017）苏州市吴江区不动产权第7001234号"
                                                << ""
                                                << "";
        QTest::newRow("empty: the form decides") << ""
                                                 << ""
                                                 << "";
        QTest::newRow("no province") << "(2026)吴江区不动产权第0001234号"
                                     << kPrefix + "it begins with the abbreviation of the province, e.g. 苏."
                                     << "province";
        const QString year = kPrefix
            + "the year of registration follows in parentheses, from 2015 to this year, "
              "e.g. (2026).";
        QTest::newRow("before 2015") << "苏(2014)吴江区不动产权第0001234号" << year << "year";
        // The server's today is 27 November 2026: next year's number is refused, on the client too.
        QTest::newRow("after the server's year") << "苏(2027)吴江区不动产权第0001234号" << year << "year";
        QTest::newRow("no district") << "苏(2026)不动产权第0001234号"
                                     << kPrefix
                + "the city or county that registered it follows the year, in two to "
                  "twenty Chinese characters, e.g. 吴江区."
                                     << "district";
        const QString sequence = kPrefix + "it ends in 不动产权第, seven digits and 号, e.g. 不动产权第0001234号.";
        QTest::newRow("six digits") << "苏(2026)吴江区不动产权第001234号" << sequence << "sequence";
        QTest::newRow("a mortgage proof") << "苏(2026)吴江区不动产证明第0001234号" << sequence << "sequence";
        QTest::newRow("the old house certificate")
            << "吴房权证盛字第00012345号" << kPrefix + "it begins with the abbreviation of the province, e.g. 苏."
            << "province";
    }
    void validator()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.problems(kField, QStringLiteral("RE"), value).join(QLatin1Char(' ')), message);
    }

    void messagesInTheUsersLanguage()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(m_bed.problems(kField, QStringLiteral("RE"), QStringLiteral("苏(2026)吴江区不动产权第001234号")),
            QStringList {
                QStringLiteral("不动产权证书号无效：应以“不动产权第”、七位数字和“号”结尾，如“不动产权第0001234号”。")});
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(m_bed.problems(kField, QStringLiteral("RE"), QStringLiteral("x"))[0].startsWith(kPrefix));
    }

    void theServerAgrees_data() { validator_data(); }
    void theServerAgrees()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(message.isEmpty(), code.isEmpty());
        // An empty value is the form's rule, which the server applies: the field is required.
        QCOMPARE(m_bed.serverProblem(QStringLiteral("RE-001"), kField, value),
            value.isEmpty() ? QStringLiteral("required") : code);
    }

    void acceptanceNotice()
    {
        const auto r = m_bed.createCase(m_bed.intake(QStringLiteral("RE-002")));
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.object();
        QString templatePath;
        QStringList problems;
        const QString text = m_bed.acceptanceNoticeText(c, &templatePath, &problems);
        QCOMPARE(templatePath, QStringLiteral(":/realestate/acceptance.html"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));
        QVERIFY2(text.contains(QStringLiteral("不动产登记受理凭证")), qPrintable(text));
        QVERIFY(text.contains(c.value(QLatin1String("number")).toString()));
        QVERIFY(text.contains(QStringLiteral("110105********002X")));
        QVERIFY(!text.contains(QStringLiteral("11010519491231002X")));
        QVERIFY(text.contains(QStringLiteral("不动产抵押登记（RE-002）")));
        QVERIFY(text.contains(chineseDate(c.value(QLatin1String("promisedDueDate")).toString())));
        // What is particular to real estate registration.
        QVERIFY(text.contains(QStringLiteral("《不动产登记暂行条例》第十七条")));
        QVERIFY(text.contains(QStringLiteral("登记事项自记载于不动产登记簿时完成")));
        QVERIFY(text.contains(QStringLiteral("住宅类每件80元，非住宅类每件550元")));
        QVERIFY(text.contains(QStringLiteral("（不动产登记机构盖章）")));

        // The other departments' notices stay theirs.
        const auto other = m_bed.createCase(m_bed.intake(QStringLiteral("TX-005")));
        QCOMPARE(other.status, 201);
        m_bed.acceptanceNoticeText(other.object(), &templatePath);
        QCOMPARE(templatePath, QStringLiteral(":/printing/acceptance.html"));
    }

    void cleanupTestCase()
    {
        const QString problem = m_bed.shutdownProblem(QStringLiteral("realestate"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(tst_RealEstatePlugin)
#include "tst_realestateplugin.moc"
