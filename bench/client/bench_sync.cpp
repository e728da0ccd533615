// The village centre's outbox sent after a day offline: `--cases` intakes, each with a reserved
// number, queued in the local store, then sent by models::SyncEngine to a real server on
// loopback, until the outbox is empty. The reference is the same intakes posted one after the
// other straight through the ApiClient, without the store: the ratio is the outbox's own cost.
// No goal is asserted; see bench/README.md, "Village outbox".
#include "models/apiclient.h"
#include "models/localstore.h"
#include "models/numberstock.h"
#include "models/syncengine.h"

#include "benchserver.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <cstdio>

#ifndef ONEWINDOW_SERVER_PATH
#define ONEWINDOW_SERVER_PATH "onewindow-server"
#endif

namespace {

using namespace onewindow::models;

// A complete HF-001 intake at the village centre, from the matter as the server describes it.
QJsonObject sampleBody(const QJsonObject &matter)
{
    QJsonObject form;
    for (const auto &f : matter.value(QLatin1String("fields")).toArray()) {
        const QString type = f.toObject().value(QLatin1String("type")).toString();
        const QString value = type == QLatin1String("id_number") ? QStringLiteral("110101199003070935")
                              : type == QLatin1String("phone")   ? QStringLiteral("13800138000")
                              : type == QLatin1String("money") || type == QLatin1String("number") ? QStringLiteral("5000")
                              : type == QLatin1String("date") ? QStringLiteral("2026-11-01")
                                                              : QStringLiteral("盛泽测试");
        form.insert(f.toObject().value(QLatin1String("key")).toString(), value);
    }
    QJsonArray materials;
    for (const auto &m : matter.value(QLatin1String("materials")).toArray())
        materials.append(QJsonObject{{QStringLiteral("code"), m.toObject().value(QLatin1String("code"))},
                                     {QStringLiteral("provided"), QStringLiteral("paper")}});
    return {{QStringLiteral("matters"), QJsonArray{QStringLiteral("HF-001")}},
            {QStringLiteral("center"), QStringLiteral("SZ-V01")},
            {QStringLiteral("channel"), QStringLiteral("village")},
            {QStringLiteral("form"), form},
            {QStringLiteral("materials"), materials},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("person")},
                                                      {QStringLiteral("name"), QStringLiteral("王五")},
                                                      {QStringLiteral("idNumber"), QStringLiteral("110101199003070935")},
                                                      {QStringLiteral("phone"), QStringLiteral("13800138000")}}}};
}

double seconds(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The village outbox synced to a real server on loopback."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cases"), QStringLiteral("Intakes queued offline."), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The onewindow-server binary."), QStringLiteral("PATH"),
                      QStringLiteral(ONEWINDOW_SERVER_PATH)});
    parser.process(app);
    const int cases = parser.value(QStringLiteral("cases")).toInt();
    QTemporaryDir dir;
    Server server(parser.value(QStringLiteral("server")), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("sync.sqlite")));
    if (!server.url().isValid()) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    ApiClient api;
    api.setBaseUrl(server.url());
    bool signedIn = false;
    api.signIn(QStringLiteral("agent1"), QStringLiteral("OneWindow-demo-1"),
               [&](const ApiResult<UserInfo> &r) { signedIn = r.ok(); });
    QJsonObject matter;
    if (!waitFor([&] { return signedIn; }, 30000))
        return 1;
    bool fetched = false;
    api.get(QStringLiteral("/matters/HF-001"), [&](const ApiResponse &r) {
        matter = r.object();
        fetched = true;
    });
    waitFor([&] { return fetched; }, 30000);
    const QJsonObject body = sampleBody(matter);

    LocalStore store;
    bool opened = false;
    store.open(dir.filePath(QStringLiteral("client.sqlite")), &app, [&](const QString &) { opened = true; });
    waitFor([&] { return opened; }, 30000);

    // Numbers reserved while online, in blocks of at most 500.
    NumberStock stock(&api, &store, QStringLiteral("SZ-V01"));
    for (int stocked = 0; stocked < cases;) {
        bool answered = false;
        bool ok = false;
        stock.topUp(cases, std::min(500, cases - stocked), [&](bool success, const QString &) {
            ok = success;
            answered = true;
        });
        waitFor([&] { return answered; }, 60000);
        if (!ok) {
            std::fprintf(stderr, "the numbers were not reserved\n");
            return 1;
        }
        bool counted = false;
        store.freeReservedNumberCount(QStringLiteral("SZ-V01"), &app, [&](int n) {
            stocked = n;
            counted = true;
        });
        waitFor([&] { return counted; }, 30000);
    }

    // The day offline: every intake queued under its number.
    QElapsedTimer timer;
    timer.start();
    int queued = 0;
    for (int i = 0; i < cases; ++i) {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stock.take(key, [&, key](const QString &number) {
            QJsonObject withNumber = body;
            withNumber.insert(QStringLiteral("number"), number);
            store.enqueueIntake(key, withNumber, &app, [&] { ++queued; });
        });
    }
    waitFor([&] { return queued == cases; }, 600000);
    const double queueSeconds = seconds(timer);

    // Back online: the outbox sent.
    SyncEngine engine(&api, &store);
    int sent = 0;
    int refused = 0;
    bool idle = false;
    QObject::connect(&engine, &SyncEngine::sent, [&] { ++sent; });
    QObject::connect(&engine, &SyncEngine::refused, [&] { ++refused; });
    QObject::connect(&engine, &SyncEngine::idle, [&] { idle = true; });
    timer.restart();
    engine.syncNow();
    waitFor([&] { return idle; }, 3600000);
    const double syncSeconds = seconds(timer);

    // The reference: the same intakes straight to the server, one after the other.
    timer.restart();
    int direct = 0;
    std::function<void()> postNext = [&] {
        if (direct == cases)
            return;
        api.create(QStringLiteral("/cases"), body, [&](const ApiResponse &) {
            ++direct;
            postNext();
        });
    };
    postNext();
    waitFor([&] { return direct == cases; }, 3600000);
    const double directSeconds = seconds(timer);

    std::printf("cases %d\nqueued-s %.2f\nsync-s %.2f\nsync-per-s %.0f\ndirect-s %.2f\nsync-to-direct %.2f\n"
                "sent %d\nrefused %d\n",
                cases, queueSeconds, syncSeconds, cases / syncSeconds, directSeconds, syncSeconds / directSeconds,
                sent, refused);
    return sent == cases && refused == 0 ? 0 : 1;
}
