#include "models/identityreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_IdentityReader : public QObject
{
    Q_OBJECT

private slots:
    void simulatedCardIsRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("card.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{"name", QStringLiteral("张三")}, {"idNumber", "11010519491231002X"},
                                             {"address", QStringLiteral("北京市朝阳区")}, {"sex", QStringLiteral("女")}})
                       .toJson());
        file.close();
        SimulatedIdentityReader reader(path);
        QVERIFY(reader.isAvailable());
        QSignalSpy read(&reader, &IdentityReader::cardRead);
        reader.read();
        QCOMPARE(read.count(), 0); // never answers synchronously
        QVERIFY(read.wait(5000));
        const auto card = read.at(0).at(0).value<IdentityCard>();
        QCOMPARE(card.name, QStringLiteral("张三"));
        QCOMPARE(card.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(IdentityCard::fromJson(card.toJson()).address, QStringLiteral("北京市朝阳区"));
    }

    void noCardOrBadCard()
    {
        QTemporaryDir dir;
        SimulatedIdentityReader missing(dir.filePath("none.json"));
        QVERIFY(!missing.isAvailable());
        QSignalSpy failed(&missing, &IdentityReader::failed);
        missing.read();
        QVERIFY(failed.wait(5000));
        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not json");
        bad.close();
        SimulatedIdentityReader broken(bad.fileName());
        QSignalSpy failedToo(&broken, &IdentityReader::failed);
        broken.read();
        QVERIFY(failedToo.wait(5000));
    }

    // Without the vendor's library the driver says so and the client goes on.
    void termbWithoutItsLibrary()
    {
        TermbIdentityReader reader(QStringLiteral("termb-not-installed"));
        QVERIFY(!reader.isAvailable());
        QVERIFY(!reader.loadError().isEmpty());
        QSignalSpy failed(&reader, &IdentityReader::failed);
        reader.read();
        QVERIFY(failed.wait(5000));
    }
};

QTEST_GUILESS_MAIN(tst_IdentityReader)
#include "tst_identityreader.moc"
