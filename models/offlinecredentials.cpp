#include "offlinecredentials.h"

#include "localstore.h"
#include "runthen.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace onewindow::models {

namespace {

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

OfflineCredentials::OfflineCredentials(LocalStore *store, QObject *parent) : QObject(parent), m_store(store) {}

OfflineCredentials::~OfflineCredentials() = default;

QString OfflineCredentials::keyFor(const QString &username)
{
    return QStringLiteral("offline/%1").arg(username.toLower());
}

void OfflineCredentials::remember(const UserInfo &user, const QString &password, const QDateTime &now,
                                  std::function<void()> done)
{
    if (user.role != QLatin1String("clerk") && user.role != QLatin1String("agent")) {
        if (done)
            done();
        return;
    }
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    runThen(this, [password, salt] { return derive(password, salt, kIterations); },
              [this, user, salt, now, done](const QByteArray &verifier) {
                  if (!m_store)
                      return;
                  const QJsonObject record{{QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                                           {QStringLiteral("iterations"), kIterations},
                                           {QStringLiteral("verifier"), QString::fromLatin1(verifier.toBase64())},
                                           {QStringLiteral("user"), user.toJson()},
                                           {QStringLiteral("signedInOnlineAt"), now.toString(Qt::ISODate)}};
                  m_store->setValue(keyFor(user.username), record, this, [done] {
                      if (done)
                          done();
                  });
              });
}

void OfflineCredentials::forget(const QString &username)
{
    if (m_store)
        m_store->setValue(keyFor(username), QJsonValue(), this);
}

void OfflineCredentials::verify(const QString &username, const QString &password, const QDateTime &now,
                                int maxAgeDays, std::function<void(Refusal, const UserInfo &)> done)
{
    m_store->value(keyFor(username), this, [this, password, now, maxAgeDays, done](const QJsonValue &value) {
        const QJsonObject record = value.toObject();
        if (record.isEmpty()) {
            done(Refusal::Unknown, {});
            return;
        }
        const QByteArray salt = QByteArray::fromBase64(record.value(QLatin1String("salt")).toString().toLatin1());
        const QByteArray expected = QByteArray::fromBase64(record.value(QLatin1String("verifier")).toString().toLatin1());
        const int iterations = record.value(QLatin1String("iterations")).toInt(kIterations);
        const QDateTime online = QDateTime::fromString(record.value(QLatin1String("signedInOnlineAt")).toString(), Qt::ISODate);
        const UserInfo user = UserInfo::fromJson(record.value(QLatin1String("user")).toObject());
        runThen(this, [password, salt, iterations] { return derive(password, salt, iterations); },
                  [expected, online, now, maxAgeDays, user, done](const QByteArray &derived) {
                      if (!sameBytes(derived, expected))
                          done(Refusal::WrongPassword, {});
                      else if (!online.isValid() || online.addDays(maxAgeDays) < now)
                          done(Refusal::Expired, {});
                      else
                          done(Refusal::None, user);
                  });
    });
}

} // namespace onewindow::models
