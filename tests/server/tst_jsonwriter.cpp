#include "json.h"

#include <Poco/JSON/Parser.h>

#include <QTest>

using namespace onewindow::server;

// What JsonWriter writes is read back by Poco's own parser: the text is valid JSON and every
// value arrives as it was given.
class tst_JsonWriter : public QObject
{
    Q_OBJECT

    static Poco::JSON::Object::Ptr readBack(const std::string &text)
    {
        Poco::JSON::Parser parser;
        return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    }

private slots:
    void nestedObjectsAndArraysHaveTheirCommas()
    {
        JsonWriter w;
        w.beginObject();
        w.field("id", std::string("c-1"));
        w.key("empty").beginArray().endArray();
        w.key("list").beginArray();
        w.beginObject().field("n", 1).endObject();
        w.beginObject().field("n", 2).endObject();
        w.number(3);
        w.endArray();
        w.key("inner").beginObject().key("deeper").beginObject().endObject().endObject();
        w.field("last", true);
        w.endObject();
        QCOMPARE(QString::fromStdString(w.text()),
                 QStringLiteral(R"({"id":"c-1","empty":[],"list":[{"n":1},{"n":2},3],"inner":{"deeper":{}},"last":true})"));
        const auto o = readBack(w.text());
        QCOMPARE(o->getArray("list")->size(), std::size_t{3});
    }

    void fieldTypes()
    {
        JsonWriter w;
        w.beginObject();
        w.field("flag", false);
        w.field("count", std::int64_t{9007199254740993});
        w.field("negative", -12);
        w.field("absent", std::optional<std::string>{});
        w.field("present", std::optional<std::string>{"yes"});
        w.key("nothing").null();
        w.endObject();
        const auto o = readBack(w.text());
        QCOMPARE(o->getValue<bool>("flag"), false);
        QCOMPARE(o->getValue<std::int64_t>("count"), std::int64_t{9007199254740993});
        QCOMPARE(o->getValue<int>("negative"), -12);
        QVERIFY(o->isNull("absent"));
        QCOMPARE(o->getValue<std::string>("present"), std::string("yes"));
        QVERIFY(o->isNull("nothing"));
    }

    void stringsAreEscaped_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("quote and backslash") << QByteArray(R"(say "hi" \ bye)");
        QTest::newRow("newline, tab, return") << QByteArray("a\nb\tc\rd");
        QTest::newRow("other control characters") << QByteArray("x\x01y\x1fz\bq\f");
        QTest::newRow("chinese") << QByteArray("住房公积金缴存登记");
        QTest::newRow("sql metacharacters") << QByteArray("'; DROP TABLE cases; --");
        QTest::newRow("slash and braces") << QByteArray("a/b {c} [d]");
        QTest::newRow("empty") << QByteArray();
    }
    void stringsAreEscaped()
    {
        QFETCH(QByteArray, value);
        const std::string text = value.toStdString();
        JsonWriter w;
        w.beginObject().field(text, text).endObject();
        const auto o = readBack(w.text());
        QCOMPARE(QByteArray::fromStdString(o->getValue<std::string>(text)), value);
        for (char c : w.text())
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, w.text().c_str());
    }

    void rawTextGoesOutAsGiven()
    {
        JsonWriter w;
        w.beginObject();
        w.key("matters").raw(R"([{"code":"HF-001","version":2}])");
        w.field("after", std::string("x"));
        w.endObject();
        const auto o = readBack(w.text());
        QCOMPARE(o->getArray("matters")->getObject(0)->getValue<std::string>("code"), std::string("HF-001"));
        QCOMPARE(o->getValue<std::string>("after"), std::string("x"));
    }

    // The same field() calls fill a Poco object for code that still builds one.
    void objectFieldsTakeTheSameCalls()
    {
        ObjectFields f;
        f.field("name", std::string("张三"));
        f.field("flag", true);
        f.field("count", std::int64_t{7});
        f.field("absent", std::optional<std::string>{});
        QCOMPARE(f.object->getValue<std::string>("name"), std::string("张三"));
        QCOMPARE(f.object->getValue<bool>("flag"), true);
        QCOMPARE(f.object->getValue<std::int64_t>("count"), std::int64_t{7});
        QVERIFY(f.object->isNull("absent"));
    }
};

QTEST_APPLESS_MAIN(tst_JsonWriter)
#include "tst_jsonwriter.moc"
