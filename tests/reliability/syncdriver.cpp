// A village centre's client without its window, for the reliability test: `take` queues intakes
// offline under reserved numbers, `sync` sends the outbox with the SyncEngine. One line per
// intake on standard output ("queued N", "sent N", "refused N {problem}"), flushed at once, so
// that a process killed at any moment has told everything it did before.
#include "awaitanswer.h"
#include "models/apiclient.h"
#include "models/catalogsync.h"
#include "models/intakesession.h"
#include "models/localstore.h"
#include "models/numberstock.h"
#include "models/syncengine.h"
#include "sampleintake.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace onewindow::models;

namespace {

const QString kUser = QStringLiteral("agent1");
const QString kMatter = QStringLiteral("HF-001");
constexpr int kBlockSize = 500; // the most POST /centers/{code}/number-blocks gives at once

void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "onewindow-sync-driver: %s\n", message.toUtf8().constData());
    return 1;
}

/// Signs in as kUser; when the server did not answer about the sign-in (the connection cut, a
/// reply cut short, a 5xx) it is asked again after 100 ms. `done` gets the user, or nothing when
/// the server refused.
void signInUntilAnswered(ApiClient &api, std::function<void(const std::optional<UserInfo> &)> done)
{
    api.signIn(kUser, qEnvironmentVariable("ONEWINDOW_PASSWORD"), [&api, done](const ApiResult<UserInfo> &r) {
        if (r.ok()) {
            done(r.value);
        } else if (r.error.kind != ApiError::Kind::Http || r.error.status >= 500) {
            QTimer::singleShot(100, &api, [&api, done] { signInUntilAnswered(api, done); });
        } else {
            std::fprintf(stderr, "sign-in refused: %s\n", r.error.userMessage().toUtf8().constData());
            done(std::nullopt);
        }
    });
}

std::optional<UserInfo> signIn(ApiClient &api)
{
    return awaitAnswer<std::optional<UserInfo>>([&api](auto done) { signInUntilAnswered(api, done); }, 600000);
}

/// The catalog cache refreshed (every matter's definition and the calendar), as before a day
/// offline; false when the server could not be read.
bool refreshCatalog(ApiClient &api, LocalStore &store)
{
    CatalogSync catalog(&api, &store);
    return awaitAnswer<bool>(
        [&catalog](auto done) {
            QObject::connect(
                &catalog, &CatalogSync::finished, &catalog, [done](bool ok, const QString &) { done(ok); });
            catalog.refresh();
        },
        120000);
}

/// Numbers reserved until at least `count` are free, in blocks of at most kBlockSize.
bool stockUp(NumberStock &stock, LocalStore &store, int count)
{
    for (;;) {
        const int available = awaitAnswer<int>(
            [&](auto done) { store.freeReservedNumberCount(stock.center(), &stock, [done](int n) { done(n); }); });
        if (available >= count)
            return true;
        const bool ok = awaitAnswer<bool>(
            [&](auto done) {
                stock.topUp(
                    count, std::min(kBlockSize, count - available), [done](bool success, const QString &message) {
                        if (!success)
                            std::fprintf(stderr, "numbers not reserved: %s\n", message.toUtf8().constData());
                        done(success);
                    });
            },
            60000);
        if (!ok)
            return false;
    }
}

/// One complete intake of `matter` for applicant number `index`, taken in offline: queued under
/// a reserved number, said as "queued N". Answers the number, or an empty string (the reason on
/// standard error) when it was not complete or not queued.
QString takeOne(ApiClient &api, LocalStore &store, NumberStock &stock, const QJsonObject &matter,
    const QJsonArray &calendar, int index)
{
    IntakeSession session(&api, &store);
    session.start(stock.center());
    session.setOffline(true);
    session.setMatters({matter});
    session.setCalendar(calendar);
    session.setApplicantField(QStringLiteral("name"), QStringLiteral("王五-%1").arg(index + 1));
    session.setApplicantField(QStringLiteral("idNumber"), QStringLiteral("110101199003070935"));
    session.setApplicantField(QStringLiteral("phone"), QStringLiteral("13800138000"));
    for (const auto &f : session.fields()) {
        const QJsonObject field = f.toObject();
        const QString key = field.value(QLatin1String("key")).toString();
        if (session.formValue(key).isEmpty())
            session.setFormValue(key, sampleValue(field.value(QLatin1String("type")).toString()));
    }
    for (const IntakeSession::Material &m : session.materials())
        session.setProvision(m.code, QStringLiteral("paper"));
    if (session.completeness() != IntakeSession::Completeness::Complete || !session.applicantProblems().isEmpty()
        || !session.formProblems().isEmpty()) {
        std::fprintf(stderr, "intake %d is not complete\n", index + 1);
        return {};
    }
    return awaitAnswer<QString>([&](auto done) {
        QObject::connect(
            &session, &IntakeSession::queued, &session, [done](const QString &number, const QJsonObject &) {
                say(QStringLiteral("queued ") + number);
                done(number);
            });
        QObject::connect(&session, &IntakeSession::submitFailed, &session, [done](const ApiError &error, bool) {
            std::fprintf(stderr, "not queued: %s\n", error.userMessage().toUtf8().constData());
            done(QString());
        });
        session.submitOffline(&stock);
    });
}

int take(ApiClient &api, LocalStore &store, int count)
{
    const std::optional<UserInfo> user = signIn(api);
    if (!user)
        return fail(QStringLiteral("not signed in"));
    if (!refreshCatalog(api, store))
        return fail(QStringLiteral("the catalog could not be read"));
    const QJsonObject matter = awaitAnswer<QJsonObject>(
        [&](auto done) { store.matterDetail(kMatter, &store, [done](const QJsonObject &m) { done(m); }); });
    const QJsonArray calendar = awaitAnswer<QJsonArray>(
        [&](auto done) { store.calendar(&store, [done](const QJsonArray &days) { done(days); }); });
    if (matter.isEmpty() || calendar.isEmpty())
        return fail(QStringLiteral("%1 or the calendar is not in the catalog").arg(kMatter));
    NumberStock stock(&api, &store, user->center);
    if (!stockUp(stock, store, count))
        return fail(QStringLiteral("no numbers"));
    for (int i = 0; i < count; ++i) {
        const QString number = takeOne(api, store, stock, matter, calendar, i);
        if (number.isEmpty())
            return 1;
    }
    store.flush();
    return 0;
}

/// Sends the outbox until nothing is queued: 0, or 3 when the server refused any of it.
int sync(ApiClient &api, LocalStore &store)
{
    if (!signIn(api))
        return fail(QStringLiteral("not signed in"));
    // A session that ended meanwhile is opened again; the engine's next try goes with it.
    QObject::connect(&api, &ApiClient::sessionExpired, &api, [&api] {
        signInUntilAnswered(api, [](const std::optional<UserInfo> &user) {
            if (!user)
                QCoreApplication::exit(1);
        });
    });
    // The numbers the intakes were queued under, by idempotency key.
    QHash<QString, QString> numbers;
    for (const auto &e : awaitAnswer<QJsonArray>([&](auto done) { store.outbox(&store, done); }))
        numbers.insert(e.toObject().value(QLatin1String("key")).toString(),
            e.toObject().value(QLatin1String("number")).toString());

    SyncEngine engine(&api, &store);
    engine.setBackoff({50, 500});
    QObject::connect(&engine, &SyncEngine::sent, &engine,
        [&numbers](const QString &key, const QJsonObject &) { say(QStringLiteral("sent ") + numbers.value(key)); });
    QObject::connect(
        &engine, &SyncEngine::refused, &engine, [&numbers](const QString &key, const QJsonObject &problem) {
            say(QStringLiteral("refused %1 %2")
                    .arg(numbers.value(key), QString::fromUtf8(QJsonDocument(problem).toJson(QJsonDocument::Compact))));
        });
    QObject::connect(&engine, &SyncEngine::idle, &engine, [&store] {
        store.outbox(&store, [](const QJsonArray &outbox) {
            int queued = 0;
            int refused = 0;
            for (const auto &e : outbox) {
                const QString state = e.toObject().value(QLatin1String("state")).toString();
                queued += state == QLatin1String("queued") ? 1 : 0;
                refused += state == QLatin1String("refused") ? 1 : 0;
            }
            QCoreApplication::exit(queued > 0 ? 1 : refused > 0 ? 3 : 0);
        });
    });
    engine.syncNow();
    const int code = QCoreApplication::exec();
    store.flush();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offline intakes queued (take) and synced (sync) as agent1, "
                                                    "whose password is in ONEWINDOW_PASSWORD."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("take or sync"));
    parser.addOption({QStringLiteral("store"), QStringLiteral("The client's local store."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The server's base URL."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Intakes to take in (take)."), QStringLiteral("N"),
        QStringLiteral("1")});
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (positional.size() != 1 || (command != QLatin1String("take") && command != QLatin1String("sync"))
        || !parser.isSet(QStringLiteral("store")) || !parser.isSet(QStringLiteral("server")))
        parser.showHelp(2);

    ApiClient api;
    api.setBaseUrl(QUrl(parser.value(QStringLiteral("server"))));
    api.setRetryBaseDelay(50);
    LocalStore store;
    const QString opened = awaitAnswer<QString>([&](auto done) {
        store.open(parser.value(QStringLiteral("store")), &app, [done](const QString &error) { done(error); });
    });
    if (!opened.isEmpty())
        return fail(opened);
    if (command == QLatin1String("take")) {
        bool ok = false;
        const int count = parser.value(QStringLiteral("count")).toInt(&ok);
        return ok && count > 0 ? take(api, store, count) : fail(QStringLiteral("--count takes a positive number"));
    }
    return sync(api, store);
}
