#include "asyncfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent>

namespace onewindow::client {

namespace {

struct Read
{
    QJsonObject object;
    QString error;
};

} // namespace

void writeFileAsync(QObject *context, const QString &path, QByteArray bytes, std::function<void(const QString &)> done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    const QString cannotWrite = QCoreApplication::translate("onewindow::client::AsyncFiles", "Cannot write %1: %2").arg(path);
    watcher->setFuture(QtConcurrent::run([path, bytes = std::move(bytes), cannotWrite]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit())
            return cannotWrite.arg(file.errorString());
        return {};
    }));
}

void readJsonObjectAsync(QObject *context, const QString &path, const QString &notJson,
                         std::function<void(const QJsonObject &, const QString &)> done)
{
    auto *watcher = new QFutureWatcher<Read>(context);
    QObject::connect(watcher, &QFutureWatcher<Read>::finished, context, [watcher, done] {
        const Read read = watcher->result();
        watcher->deleteLater();
        done(read.object, read.error);
    });
    const QString cannotRead = QCoreApplication::translate("onewindow::client::AsyncFiles", "Cannot read %1: %2").arg(path);
    const QString notObject = QString(notJson).arg(path);
    watcher->setFuture(QtConcurrent::run([path, cannotRead, notObject]() -> Read {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {{}, cannotRead.arg(file.errorString())};
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
        if (!doc.isObject())
            return {{}, notObject.arg(parse.error == QJsonParseError::NoError ? QCoreApplication::translate("onewindow::client::AsyncFiles", "not an object") : parse.errorString())};
        return {doc.object(), {}};
    }));
}

} // namespace onewindow::client
