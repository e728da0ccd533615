#include "sampleintake.h"

#include "serverprocess.h"

#include <QJsonArray>
#include <QUuid>

QString sampleValue(const QString &type)
{
    if (type == QLatin1String("id_number"))
        return QStringLiteral("11010519491231002X");
    if (type == QLatin1String("credit_code"))
        return QStringLiteral("91512081MA62K0260E");
    if (type == QLatin1String("phone"))
        return QStringLiteral("13800138000");
    if (type == QLatin1String("date"))
        return QStringLiteral("2026-11-01");
    if (type == QLatin1String("number") || type == QLatin1String("money"))
        return QStringLiteral("5000");
    if (type == QLatin1String("registered_capital"))
        return QStringLiteral("100"); // 万元
    if (type == QLatin1String("business_scope"))
        return QStringLiteral("C1742；F5132");
    if (type == QLatin1String("property_certificate"))
        return QStringLiteral("苏(2026)吴江区不动产权第0001234号");
    if (type == QLatin1String("birth_certificate"))
        return QStringLiteral("X320101001");
    return QStringLiteral("盛泽测试");
}

QJsonObject samplePerson(const QString &name, const QString &idNumber, const QString &phone)
{
    return {{"kind", "person"}, {"name", name}, {"idNumber", idNumber}, {"phone", phone}};
}

QJsonObject sampleIntake(HttpClient &client, const QString &matter, const QString &center, const QJsonObject &applicant,
                         const QStringList &deficient)
{
    const ApiReply m = client.get(QStringLiteral("/api/v1/matters/") + matter);
    if (m.status != 200)
        qFatal("no matter %s", qPrintable(matter));
    QJsonObject form;
    for (const auto &f : m.object().value("fields").toArray())
        form.insert(f.toObject().value("key").toString(), sampleValue(f.toObject().value("type").toString()));
    QJsonArray materials;
    for (const auto &x : m.object().value("materials").toArray()) {
        const QString code = x.toObject().value("code").toString();
        materials.append(QJsonObject{{"code", code}, {"provided", deficient.contains(code) ? "deficient" : "paper"}});
    }
    return {{"matters", QJsonArray{matter}}, {"applicant", applicant}, {"center", center}, {"form", form},
            {"materials", materials}};
}

QString acceptSampleCase(HttpClient &clerk, const QString &matter, bool greenChannel)
{
    QJsonObject body = sampleIntake(clerk, matter, QStringLiteral("SZ"),
                                    samplePerson(QStringLiteral("张三"), QStringLiteral("11010519491231002X")));
    if (greenChannel) {
        body.insert(QStringLiteral("greenChannel"), true);
        body.insert(QStringLiteral("greenChannelReason"), QStringLiteral("市重点项目"));
    }
    const ApiReply r = clerk.post(QStringLiteral("/api/v1/cases"), toJson(body),
                                  {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
    if (r.status != 201)
        qFatal("intake of %s refused: %d %s", qPrintable(matter), r.status, r.body.constData());
    return r.object().value(QStringLiteral("id")).toString();
}

QJsonObject sampleBundleIntake(HttpClient &client, const QString &bundle, const QString &center,
                               const QJsonObject &applicant, const QJsonObject &form)
{
    const ApiReply b = client.get(QStringLiteral("/api/v1/bundles/") + bundle);
    if (b.status != 200)
        qFatal("no bundle %s", qPrintable(bundle));
    QJsonObject values;
    for (const auto &f : b.object().value("fields").toArray())
        values.insert(f.toObject().value("key").toString(), sampleValue(f.toObject().value("type").toString()));
    for (auto it = form.begin(); it != form.end(); ++it)
        values.insert(it.key(), it.value());
    QJsonArray materials;
    for (const auto &x : b.object().value("materials").toArray())
        materials.append(QJsonObject{{"code", x.toObject().value("code")}, {"provided", "paper"}});
    return {{"bundle", bundle}, {"applicant", applicant}, {"center", center}, {"form", values}, {"materials", materials}};
}

QString resultReadySampleCase(HttpClient &clerk, HttpClient &approver, const QString &matterOrBundle,
                              const QString &certificateNumber)
{
    QString id;
    QJsonArray matters;
    if (matterOrBundle.startsWith(QLatin1String("B-"))) {
        const QJsonObject body = sampleBundleIntake(clerk, matterOrBundle, QStringLiteral("SZ"),
                                                    samplePerson(QStringLiteral("张三"), QStringLiteral("11010519491231002X")));
        const ApiReply r = clerk.post(QStringLiteral("/api/v1/cases"), toJson(body),
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        if (r.status != 201)
            qFatal("intake of %s refused: %d %s", qPrintable(matterOrBundle), r.status, r.body.constData());
        id = r.object().value(QStringLiteral("id")).toString();
        matters = r.object().value(QStringLiteral("matters")).toArray();
    } else {
        id = acceptSampleCase(clerk, matterOrBundle);
        matters = {QJsonObject{{"code", matterOrBundle}}};
    }
    const QString path = QStringLiteral("/api/v1/cases/") + id;
    const auto etag = [&] { return approver.get(path).header("etag"); };
    ApiReply r;
    for (const auto &m : matters) {
        r = approver.post(path + QStringLiteral("/decisions"),
                          toJson({{"matter", m.toObject().value("code")}, {"decision", "approve"}}),
                          {{"If-Match", etag()}, {"Idempotency-Key", QUuid::createUuid().toByteArray()}});
        if (r.status != 200)
            qFatal("approval refused: %d %s", r.status, r.body.constData());
    }
    r = approver.post(path + QStringLiteral("/result"),
                      toJson({{"certificateNumber", certificateNumber}, {"issuedOn", "2026-11-27"}}),
                      {{"If-Match", etag()}, {"Idempotency-Key", QUuid::createUuid().toByteArray()}});
    if (r.object().value(QStringLiteral("status")).toString() != QStringLiteral("result_ready"))
        qFatal("result refused: %d %s", r.status, r.body.constData());
    return id;
}
