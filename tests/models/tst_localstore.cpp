#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/serverclock.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

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

constexpr auto kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// The server's clock at a pinned time (as GET /health tells it).
void pin(ApiClient &api, const QString &now)
{
    const QDateTime at = QDateTime::fromString(now, Qt::ISODate);
    if (!api.clock()->learn({{"today", at.date().toString(Qt::ISODate)}, {"now", now}}))
        qFatal("the clock did not learn %s", qPrintable(now));
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

    // The store and its WAL are the user's alone, in a folder of the user's alone; an older file
    // made with the default mode is narrowed when opened; deleted rows are overwritten.
    void fileForTheUserAlone()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("data");
        const QString path = folder + "/client.sqlite";
        {
            LocalStore store;
            QVERIFY(wait<QString>([&](auto cb) { store.open(path, this, cb); }).isEmpty());
            store.setValue("server", "https://hall.example");
            store.flush();
            for (const QString &file : {path, path + "-wal"}) {
                QVERIFY2(QFileInfo::exists(file), qPrintable(file));
                QCOMPARE(QFile::permissions(file) & kOthers, QFileDevice::Permissions());
            }
            QCOMPARE(QFile::permissions(folder) & kOthers, QFileDevice::Permissions());
        }
        // A store left with the default mode by an older version.
        QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(folder, QFile::permissions(folder) | QFileDevice::ReadOther | QFileDevice::ExeOther));
        LocalStore store;
        QVERIFY(wait<QString>([&](auto cb) { store.open(path, this, cb); }).isEmpty());
        QCOMPARE(QFile::permissions(path) & kOthers, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(folder) & kOthers, QFileDevice::Permissions());
        QCOMPARE(wait<QJsonValue>([&](auto cb) { store.value("server", this, cb); }).toString(),
                 QStringLiteral("https://hall.example"));

        // A removed draft leaves no trace of the applicant in the file.
        store.setDraftOwner("clerk1", "SZ");
        const QString secret = QStringLiteral("UNIQUE-APPLICANT-320584198503120019");
        store.saveDraft("intake-secret", {{"applicant", secret}});
        store.removeDraft("intake-secret");
        store.flush();
        QVERIFY(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }).isEmpty());
        {
            // Everything written so far goes into the file itself.
            QSqlDatabase checkpoint = QSqlDatabase::addDatabase("QSQLITE", "checkpoint");
            checkpoint.setDatabaseName(path);
            QVERIFY(checkpoint.open());
            QSqlQuery q(checkpoint);
            QVERIFY(q.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
            q.finish();
            checkpoint.close();
        }
        QSqlDatabase::removeDatabase("checkpoint");
        for (const QString &file : {path, path + "-wal"}) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(file));
        }
    }

    // A draft is its maker's at their centre: another user, or the same user at another centre,
    // is not offered it, cannot read it and cannot remove it.
    void draftsAreTheirMakers()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(wait<QString>([&](auto cb) { store.open(dir.filePath("client.sqlite"), this, cb); }).isEmpty());
        store.setDraftOwner("clerk1", "SZ");
        store.saveDraft("intake-clerk1", {{"applicant", QStringLiteral("张三")}});
        store.setDraftOwner("clerk2", "SZ");
        QVERIFY(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }).isEmpty());
        QVERIFY(wait<QJsonObject>([&](auto cb) { store.draft("intake-clerk1", this, cb); }).isEmpty());
        store.removeDraft("intake-clerk1");
        // Nor can a save under the same key take it over.
        store.saveDraft("intake-clerk1", {{"applicant", QStringLiteral("李四")}});
        store.saveDraft("intake-clerk2", {{"applicant", QStringLiteral("王五")}});
        QCOMPARE(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }), QStringList{"intake-clerk2"});
        store.setDraftOwner("clerk1", "WJ");
        QVERIFY(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }).isEmpty());
        store.setDraftOwner("clerk1", "SZ");
        QCOMPARE(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }), QStringList{"intake-clerk1"});
        QCOMPARE(wait<QJsonObject>([&](auto cb) { store.draft("intake-clerk1", this, cb); }).value("applicant").toString(),
                 QStringLiteral("张三"));
    }

    // Drafts not saved for drafts/keepHours by the server's clock go at sign-in, anyone's; the
    // outbox (intakes waiting to be sent) and newer drafts stay.
    void oldDraftsPurgedOutboxKept()
    {
        QTemporaryDir dir;
        ApiClient api;
        LocalStore store;
        store.setClock(api.clock());
        QVERIFY(wait<QString>([&](auto cb) { store.open(dir.filePath("client.sqlite"), this, cb); }).isEmpty());
        pin(api, "2026-11-23T09:00:00+08:00");
        store.setDraftOwner("clerk1", "SZ");
        store.saveDraft("intake-monday", {{"applicant", QStringLiteral("张三")}});
        store.enqueueIntake("offline-monday", {{"number", "SZ-2026-000001"}});
        store.setDraftOwner("agent2", "WJ");
        store.saveDraft("intake-agent2", {{"applicant", QStringLiteral("李四")}});
        pin(api, "2026-11-26T08:00:00+08:00"); // 71 hours later
        store.setDraftOwner("clerk1", "SZ");
        store.saveDraft("intake-thursday", {{"applicant", QStringLiteral("王五")}});
        QCOMPARE(wait<int>([&](auto cb) { store.purgeDrafts(72, this, cb); }), 0);
        QCOMPARE(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }),
                 (QStringList{"intake-monday", "intake-thursday"}));

        pin(api, "2026-11-26T09:00:01+08:00"); // 72 hours and a second after Monday's
        QCOMPARE(wait<int>([&](auto cb) { store.purgeDrafts(72, this, cb); }), 2);
        QCOMPARE(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }), QStringList{"intake-thursday"});
        store.setDraftOwner("agent2", "WJ");
        QVERIFY(wait<QStringList>([&](auto cb) { store.draftKeys(this, cb); }).isEmpty());
        const QJsonArray outbox = wait<QJsonArray>([&](auto cb) { store.outbox(this, cb); });
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().toObject().value("key").toString(), QStringLiteral("offline-monday"));
        QCOMPARE(outbox.first().toObject().value("state").toString(), QStringLiteral("queued"));
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
