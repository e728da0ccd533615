#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class HttpClient;

/// A value of a form field's type that the server accepts.
QString sampleValue(const QString &type);

/// A person as POST /cases takes an applicant.
QJsonObject samplePerson(const QString &name, const QString &idNumber, const QString &phone = QStringLiteral("13800138000"));

/// A complete intake of `matter` at `center`, read from the server's catalog as `client`: every field
/// filled with a sample value, every material on paper except the `deficient` ones.
QJsonObject sampleIntake(HttpClient &client, const QString &matter, const QString &center, const QJsonObject &applicant,
                         const QStringList &deficient = {});
