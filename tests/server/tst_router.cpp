#include "http/router.h"

#include <QTest>

using namespace onewindow::server;

class tst_Router : public QObject
{
    Q_OBJECT

    static Handler answer(int status)
    {
        return [status](Request &) {
            Response r;
            r.status = status;
            return r;
        };
    }

private slots:
    void matchesLiteralsBeforeParameters()
    {
        Router router;
        router.add("DELETE", "/api/v1/sessions/{id}", answer(1));
        router.add("DELETE", "/api/v1/sessions/current", answer(2));
        auto m = router.match("DELETE", "/api/v1/sessions/current");
        QVERIFY(m.handler);
        Request req;
        QCOMPARE((*m.handler)(req).status, 2);
        m = router.match("DELETE", "/api/v1/sessions/abc");
        QCOMPARE((*m.handler)(req).status, 1);
        QCOMPARE(m.params.at("id"), std::string("abc"));
    }

    void extractsParameters()
    {
        Router router;
        router.add("POST", "/api/v1/cases/{id}/deficiencies/{did}/supply", answer(200));
        const auto m = router.match("POST", "/api/v1/cases/c1/deficiencies/d2/supply");
        QVERIFY(m.handler);
        QCOMPARE(m.params.at("id"), std::string("c1"));
        QCOMPARE(m.params.at("did"), std::string("d2"));
        QVERIFY(!router.match("POST", "/api/v1/cases/c1/deficiencies/d2").handler);
        QVERIFY(!router.match("POST", "/api/v1/cases/c1/deficiencies/d2/supply/more").handler);
    }

    void otherMethodGivesAllow()
    {
        Router router;
        router.add("GET", "/api/v1/matters", answer(200));
        router.add("POST", "/api/v1/matters", answer(201), Router::Access::Public);
        const auto m = router.match("DELETE", "/api/v1/matters");
        QVERIFY(!m.handler);
        QCOMPARE(m.allow, std::string("GET, POST"));
        const auto none = router.match("GET", "/api/v1/nothing");
        QVERIFY(!none.handler);
        QVERIFY(none.allow.empty());
        QCOMPARE(router.match("POST", "/api/v1/matters").access, Router::Access::Public);
        QCOMPARE(router.routes().size(), std::size_t(2));
    }

    void trailingAndDoubleSlashes()
    {
        Router router;
        router.add("GET", "/api/v1/health", answer(200));
        QVERIFY(router.match("GET", "/api/v1/health/").handler);
        QVERIFY(router.match("GET", "//api/v1//health").handler);
    }
};

QTEST_APPLESS_MAIN(tst_Router)
#include "tst_router.moc"
