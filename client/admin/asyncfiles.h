#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

class QObject;

namespace onewindow::client {

/// Files the administration pages read and write (exports, imports), away from the window's
/// thread so that a slow disk does not stop the page. `done` runs on `context`'s thread, not at
/// all once `context` is gone.

/// Writes `bytes` to `path` whole (a QSaveFile: all or nothing); `done` with the error, empty when none.
void writeFileAsync(QObject *context, const QString &path, QByteArray bytes, std::function<void(const QString &error)> done);
/// Reads `path` as one JSON object; `done` with it, or with the error (the file unreadable, or not
/// a JSON object; `notJson` is the message for the latter, with %1 the path and %2 the parser's words).
void readJsonObjectAsync(QObject *context, const QString &path, const QString &notJson,
                         std::function<void(const QJsonObject &object, const QString &error)> done);

} // namespace onewindow::client
