#include "catalog/pinyin.h"

#include <QTest>

using onewindow::server::pinyinInitials;

class tst_Pinyin : public QObject
{
    Q_OBJECT

private slots:
    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("housing fund") << QStringLiteral("住房公积金提取") << "zfgjjtq";
        QTest::newRow("company establishment") << QStringLiteral("企业设立登记") << "qysldj";
        QTest::newRow("real estate") << QStringLiteral("不动产转移登记") << "bdczydj";
        QTest::newRow("medical insurance") << QStringLiteral("医保") << "yb";
        QTest::newRow("ICU's default reading of 行") << QStringLiteral("银行") << "yx";
        QTest::newRow("ASCII kept, lower-cased") << QStringLiteral("B超检查") << "bcjc";
        QTest::newRow("punctuation dropped") << QStringLiteral("开办企业（一件事）") << "kbqyyjs";
        QTest::newRow("empty") << QString() << "";
    }
    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(pinyinInitials(name.toStdString())), expected);
    }
};

QTEST_APPLESS_MAIN(tst_Pinyin)
#include "tst_pinyin.moc"
