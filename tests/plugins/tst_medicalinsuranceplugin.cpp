// The real medical insurance plugin, loaded by the plugin host from where the client finds it,
// with a real onewindow-server: its check of the insured person's social security number (in
// English and Chinese, and as the server decides), and its acceptance notice printed as a PDF.
#include "domain/idnumber.h"
#include "pluginmanager.h"
#include "pluginspec.h"
#include "plugintestbed.h"
#include "registries.h"
#include "serverprocess.h"

#include <QTest>

using onewindow::IdNumber;

namespace {

const QString kField = QStringLiteral("social_security_number");
const QString kPrefix = QStringLiteral("Not a valid social security number: ");

/// A citizen ID number of someone born on `birthDate` (YYYYMMDD), with its right check character.
QString idNumberBornOn(const char *birthDate)
{
    const std::string first17 = std::string("110105") + birthDate + "001";
    return QString::fromStdString(first17 + IdNumber::checkCharacter(first17));
}

QString chineseDate(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate, Qt::ISODate);
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

} // namespace

class tst_MedicalInsurancePlugin : public QObject
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
        const QString problem = m_bed.runningProblem(QStringLiteral("medicalinsurance"), QStringLiteral("MI"),
                                                     "onewindow::medicalinsurance::MedicalInsurancePlugin");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_bed.plugins().plugin(QStringLiteral("medicalinsurance"))->version(), QStringLiteral("1.0.0"));
    }

    void validator_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("valid") << "11010519491231002X"
                               << "";
        QTest::newRow("lowercase x") << "11010519491231002x"
                                     << "";
        // As the server sees it: the value as typed.
        QTest::newRow("spaces around") << " 11010519491231002X "
                                       << kPrefix + "it is the insured person's citizen ID number, 18 characters long.";
        QTest::newRow("empty: the form decides whether required") << ""
                                                                  << "";
        QTest::newRow("17 characters") << "11010519491231002"
                                       << kPrefix + "it is the insured person's citizen ID number, 18 characters long.";
        QTest::newRow("a letter inside") << "1101051949123100AX" << kPrefix + "17 digits, then a digit or X.";
        QTest::newRow("no such day") << idNumberBornOn("19490231")
                                     << kPrefix + "characters 7 to 14 must be the insured person's birth date.";
        // The server's today is 27 November 2026: a birth after it is refused, on the client too.
        QTest::newRow("born after the server's today")
            << idNumberBornOn("20261128") << kPrefix + "characters 7 to 14 must be the insured person's birth date.";
        QTest::newRow("born on the server's today") << idNumberBornOn("20261127") << "";
        QTest::newRow("check character") << "110105194912310021"
                                         << kPrefix
                + "the check character does not match; compare it with the insured person's social "
                  "security card.";
    }
    void validator()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(m_bed.validatorIds(kField, QStringLiteral("MI")),
            QStringList {QStringLiteral("medicalinsurance.social-security-number")});
        QCOMPARE(m_bed.problems(kField, QStringLiteral("MI"), value).join(QLatin1Char(' ')), message);
    }

    void validatorIsForMedicalInsuranceOnly()
    {
        for (const char *department : {"HF", "MR", "RE", "TX", "PS"})
            QVERIFY(m_bed.validatorIds(kField, QString::fromLatin1(department)).isEmpty());
    }

    void messagesInTheUsersLanguage()
    {
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        QCOMPARE(m_bed.problems(kField, QStringLiteral("MI"), QStringLiteral("110105194912310021")),
            QStringList {QStringLiteral("社会保障号码无效：校验码不符，请与参保人的社会保障卡核对。")});
        QCOMPARE(m_bed.problems(kField, QStringLiteral("MI"), QStringLiteral("11010519491231002")),
            QStringList {QStringLiteral("社会保障号码无效：社会保障号码即参保人的公民身份号码，应为 18 位。")});
        QVERIFY(installTranslations(QStringLiteral("en")));
        QVERIFY(
            m_bed.problems(kField, QStringLiteral("MI"), QStringLiteral("11010519491231002"))[0].startsWith(kPrefix));
    }

    // What the plugin refuses, the server refuses with the same reason; what it accepts, the
    // server accepts.
    void theServerAgrees_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("valid") << "11010519491231002X"
                               << "";
        QTest::newRow("length") << "11010519491231002"
                                << "length";
        QTest::newRow("spaces around") << " 11010519491231002X "
                                       << "length";
        QTest::newRow("characters") << "1101051949123100AX"
                                    << "characters";
        QTest::newRow("born later") << idNumberBornOn("20261128") << "birth_date";
        QTest::newRow("check character") << "110105194912310021"
                                         << "check_character";
        // The plugin leaves an empty value to the form's rule, which the server applies.
        QTest::newRow("empty") << ""
                               << "required";
    }
    void theServerAgrees()
    {
        QFETCH(QString, value);
        QFETCH(QString, code);
        QCOMPARE(m_bed.problems(kField, QStringLiteral("MI"), value).isEmpty(), code.isEmpty() || value.isEmpty());
        QCOMPARE(m_bed.serverProblem(QStringLiteral("MI-002"), kField, value), code);
    }

    void acceptanceNotice()
    {
        const auto r = m_bed.createCase(m_bed.intake(QStringLiteral("MI-002")));
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.object();
        QString templatePath;
        QStringList problems;
        const QString text = m_bed.acceptanceNoticeText(c, &templatePath, &problems);
        QCOMPARE(templatePath, QStringLiteral(":/medicalinsurance/acceptance.html"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));
        QVERIFY2(text.contains(QStringLiteral("医疗保障业务受理通知书")), qPrintable(text));
        QVERIFY(text.contains(c.value(QLatin1String("number")).toString()));
        QVERIFY(text.contains(QStringLiteral("张三")));
        QVERIFY(text.contains(QStringLiteral("110105********002X")));
        QVERIFY(!text.contains(QStringLiteral("11010519491231002X")));
        QVERIFY(text.contains(QStringLiteral("异地就医备案（MI-002）")));
        QVERIFY(text.contains(chineseDate(c.value(QLatin1String("promisedDueDate")).toString())));
        // What is particular to medical insurance.
        QVERIFY(text.contains(QStringLiteral("社会保障号码即参保人的公民身份号码")));
        QVERIFY(text.contains(QStringLiteral("医疗保障服务热线12393")));
        QVERIFY(text.contains(QStringLiteral("医疗保障经办业务不收取任何费用")));
        QVERIFY(text.contains(QStringLiteral("居民身份证"))); // the list of materials

        // Other departments' cases keep their own notice.
        const auto other = m_bed.createCase(m_bed.intake(QStringLiteral("PS-004")));
        QCOMPARE(other.status, 201);
        m_bed.acceptanceNoticeText(other.object(), &templatePath);
        QCOMPARE(templatePath, QStringLiteral(":/printing/acceptance.html"));
    }

    void cleanupTestCase()
    {
        const QString problem = m_bed.shutdownProblem(QStringLiteral("medicalinsurance"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_MAIN(tst_MedicalInsurancePlugin)
#include "tst_medicalinsuranceplugin.moc"
