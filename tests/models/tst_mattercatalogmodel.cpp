#include "models/mattercatalogmodel.h"
#include "models/modelenums.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "serverprocess.h"

using namespace onewindow::models;

namespace {

QJsonArray catalog()
{
    const auto m = [](const char *code, const QString &name, const char *initials, double promised) {
        return QJsonObject{{"code", code}, {"name", name}, {"department", QString::fromLatin1(code).left(2)},
                           {"initials", initials}, {"promisedDays", promised}, {"legalDays", 20}};
    };
    return {m("HF-001", QStringLiteral("住房公积金缴存登记"), "zfgjjjcdj", 1),
            m("HF-002", QStringLiteral("住房公积金提取"), "zfgjjtq", 3),
            m("MR-001", QStringLiteral("企业设立登记"), "qysldj", 0.5),
            m("TX-004", QStringLiteral("纳税人银行账户账号报告"), "nsryhzhzhbg", 1)};
}

} // namespace

class tst_MatterCatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTranslations("en")); }

    void modelIsSound()
    {
        MatterCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setMatters(catalog());
        QCOMPARE(reset.count(), 1);
        model.setMatters(catalog()); // nothing changed: no reset
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), MatterColumn::LastColumn + 1);
        QCOMPARE(model.index(0, MatterColumn::Code).data().toString(), QStringLiteral("HF-001"));
        QCOMPARE(model.index(2, MatterColumn::PromisedDays).data().toString(), QStringLiteral("half a working day"));
        QCOMPARE(model.index(1, MatterColumn::PromisedDays).data().toString(), QStringLiteral("3 working days"));
        QCOMPARE(model.index(1, 0).data(int(MatterRole::Initials)).toString(), QStringLiteral("zfgjjtq"));
        QVERIFY(model.roleNames().values().contains("initials"));
        QCOMPARE(model.headerData(MatterColumn::Name, Qt::Horizontal).toString(), QStringLiteral("Matter"));
        model.setMatters({});
        QCOMPARE(model.rowCount(), 0);
    }

    void filterByCodeNameOrInitials_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("everything") << "" << QStringList{"HF-001", "HF-002", "MR-001", "TX-004"};
        QTest::newRow("pinyin initials") << "gjj" << QStringList{"HF-001", "HF-002"};
        QTest::newRow("code, any case") << "mr-0" << QStringList{"MR-001"};
        QTest::newRow("part of the name") << QStringLiteral("提取") << QStringList{"HF-002"};
        QTest::newRow("overridden initials for 银行") << "yhzh" << QStringList{"TX-004"};
        QTest::newRow("two words, both must match") << "gjj tq" << QStringList{"HF-002"};
        QTest::newRow("nothing") << "xyz" << QStringList{};
    }
    void filterByCodeNameOrInitials()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, codes);
        MatterCatalogModel model;
        MatterFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatters(catalog());
        filter.setQuery(query);
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown << filter.index(row, 0).data().toString();
        QCOMPARE(shown, codes);
        QCOMPARE(filter.query(), query);
    }
};

QTEST_GUILESS_MAIN(tst_MatterCatalogModel)
#include "tst_mattercatalogmodel.moc"
