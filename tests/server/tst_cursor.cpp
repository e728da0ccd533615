#include "http/cursor.h"
#include "http/problem.h"

#include <QTest>

using namespace onewindow::server;

class tst_Cursor : public QObject
{
    Q_OBJECT

    static int statusOf(const std::string &cursor, std::size_t parts)
    {
        try {
            decodeCursor(cursor, parts);
            return 200;
        } catch (const ApiError &e) {
            return e.status();
        }
    }

private slots:
    void decodesWhatItEncoded()
    {
        const std::vector<std::string> key{"2026-11-27T09:30:00.000+08:00", "0f8e1c52-2d7a-4b0e-9a77-5d3c2b1a0e9f"};
        const std::string cursor = encodeCursor(key);
        QCOMPARE(cursor.find_first_of("+/="), std::string::npos);
        QCOMPARE(decodeCursor(cursor, 2), key);
        QCOMPARE(decodeIdCursor(encodeCursor({"123"})), std::int64_t{123});
    }

    void refusesTheWrongNumberOfParts()
    {
        QCOMPARE(statusOf(encodeCursor({"a", "b"}), 3), 422);
        QCOMPARE(statusOf(encodeCursor({"", "b"}), 2), 422);
    }

    // A character that is not base64url stops the decoder halfway: a 422 like any cursor this
    // server did not give out (fuzz/corpus/cursor keeps the input that found this path leaking).
    void refusesTextThatIsNotBase64Url()
    {
        const std::string good = encodeCursor({"2026-11-27T09:30:00.000+08:00", "0f8e1c52"});
        QCOMPARE(statusOf(good + "\xFF\xFF\xFF", 2), 422);
        QCOMPARE(statusOf("not a cursor!", 1), 422);
        try {
            decodeIdCursor(encodeCursor({"12a"}));
            QFAIL("an id cursor with a letter was taken");
        } catch (const ApiError &e) {
            QCOMPARE(e.status(), 422);
        }
    }
};

QTEST_APPLESS_MAIN(tst_Cursor)
#include "tst_cursor.moc"
