#include "models/localstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

namespace {

template<typename T, typename Start>
T wait(Start start)
{
    T result{};
    bool done = false;
    start([&](const T &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qFatal("the store did not answer");
    return result;
}

QJsonObject matter(const QString &code, const QString &name)
{
    return {{"code", code}, {"name", name}, {"department", "HF"}, {"initials", "x"}, {"promisedDays", 1}, {"legalDays", 20}};
}

} // namespace

class tst_LocalStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    void open(LocalStore &store)
    {
        const QString error = wait<QString>([&](auto cb) { store.open(m_dir.filePath("client.sqlite"), this, cb); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void catalogCacheKeepsOrderAndDetails()
    {
        LocalStore store;
        open(store);
        store.replaceMatters({matter("HF-002", QStringLiteral("住房公积金提取")), matter("HF-001", QStringLiteral("住房公积金缴存登记"))});
        QJsonArray matters = wait<QJsonArray>([&](auto cb) { store.matters(this, cb); });
        QCOMPARE(matters.size(), 2);
        QCOMPARE(matters[0].toObject().value("code").toString(), QStringLiteral("HF-002"));

        QJsonObject detail = matter("HF-001", QStringLiteral("住房公积金缴存登记"));
        detail.insert("fields", QJsonArray{QJsonObject{{"key", "phone"}}});
        store.saveMatterDetail(detail);
        QCOMPARE(wait<QJsonObject>([&](auto cb) { store.matterDetail("HF-001", this, cb); }), detail);
        QVERIFY(wait<QJsonObject>([&](auto cb) { store.matterDetail("HF-002", this, cb); }).isEmpty());

        // A refresh that drops a matter removes it; a detail of a kept matter survives.
        store.replaceMatters({matter("HF-001", QStringLiteral("住房公积金缴存登记"))});
        matters = wait<QJsonArray>([&](auto cb) { store.matters(this, cb); });
        QCOMPARE(matters.size(), 1);
        QCOMPARE(wait<QJsonObject>([&](auto cb) { store.matterDetail("HF-001", this, cb); }), detail);
    }

    void bundlesCalendarAndValues()
    {
        LocalStore store;
        open(store);
        store.replaceBundles({QJsonObject{{"code", "B-OPEN-COMPANY"}, {"name", QStringLiteral("开办企业")}}});
        QCOMPARE(wait<QJsonArray>([&](auto cb) { store.bundles(this, cb); }).size(), 1);
        store.replaceCalendar({QJsonObject{{"date", "2026-02-14"}, {"working", true}},
                               QJsonObject{{"date", "2026-02-15"}, {"working", false}}});
        const QJsonArray days = wait<QJsonArray>([&](auto cb) { store.calendar(this, cb); });
        QCOMPARE(days.size(), 2);
        QVERIFY(days[0].toObject().value("working").toBool());
        store.setValue("server", "https://hall.example");
        QCOMPARE(wait<QJsonValue>([&](auto cb) { store.value("server", this, cb); }).toString(),
                 QStringLiteral("https://hall.example"));
        QVERIFY(wait<QJsonValue>([&](auto cb) { store.value("absent", this, cb); }).isNull());
    }

    // Drafts survive the store being closed and opened again, as after a crash.
    void draftsSurviveReopening()
    {
        {
            LocalStore store;
            open(store);
            store.saveDraft("intake-1", {{"step", 3}, {"applicant", QStringLiteral("张三")}});
            store.saveDraft("intake-2", {{"step", 1}});
            store.removeDraft("intake-2");
        }
        LocalStore store;
        open(store);
        QCOMPARE(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }), QStringList{"intake-1"});
        const QJsonObject draft = wait<QJsonObject>([&](auto cb) { store.draft("intake-1", this, cb); });
        QCOMPARE(draft.value("step").toInt(), 3);
        QCOMPARE(draft.value("applicant").toString(), QStringLiteral("张三"));
    }

    // Disk work happens on the store's thread; answers arrive on the caller's.
    void answersOnTheCallersThread()
    {
        LocalStore store;
        open(store);
        QThread *answeredOn = nullptr;
        bool done = false;
        store.matters(this, [&](const QJsonArray &) {
            answeredOn = QThread::currentThread();
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QCOMPARE(answeredOn, QThread::currentThread());
    }

    void badPathReportsAnError()
    {
        LocalStore store;
        const QString error = wait<QString>([&](auto cb) { store.open("/proc/nonexistent/x.sqlite", this, cb); });
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_LocalStore)
#include "tst_localstore.moc"
