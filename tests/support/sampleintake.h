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

/// A complete intake of a one-thing bundle at `center`, as sampleIntake: every field the bundle
/// asks for (`form` over the samples), every material it asks for on paper.
QJsonObject sampleBundleIntake(HttpClient &client, const QString &bundle, const QString &center,
                               const QJsonObject &applicant, const QJsonObject &form = {});

/// Accepts a complete sample intake of `matter` at SZ for 张三 as `clerk` (clerk1 or clerk2),
/// in the green channel when asked; answers the case's id (the run stops when refused).
QString acceptSampleCase(HttpClient &clerk, const QString &matter, bool greenChannel = false);

/// A sample case of 张三 accepted by `clerk` at SZ, every matter approved by `approver` (of the
/// matters' department) and its result recorded as `certificateNumber`, issued on 27 November
/// 2026: `result_ready`, waiting to be handed out. `matterOrBundle`: a matter code, or a bundle
/// code ("B-..."). Answers its id.
QString resultReadySampleCase(HttpClient &clerk, HttpClient &approver, const QString &matterOrBundle = QStringLiteral("HF-001"),
                              const QString &certificateNumber = QStringLiteral("苏公积金证字第0001号"));
