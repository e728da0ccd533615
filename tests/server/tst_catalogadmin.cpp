// The administrator's catalog, over real HTTP on SQLite or PostgreSQL (ONEWINDOW_TEST_DATABASE):
// a matter changes through a draft, invisible to intake, to the matter's page and to bundles until
// it is published, then in effect from its first day (a case keeps the version it was accepted
// under); what a draft changes, as a diff; bundles; a year's official holiday schedule and the
// due dates counted over it; the catalog exported from one server and imported into another; every
// write audited; nobody but the administrator writes, or sees a draft. Dates are pinned with
// --today. Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const auto &v : array)
        out << v.toObject().value(key).toVariant().toString();
    return out;
}

/// `materials` of a matter with one more: a non-core material that may not be deficient.
QJsonArray withMaterial(QJsonArray materials, const QString &code, const QString &name)
{
    materials.append(QJsonObject{{"code", code}, {"name", name}, {"core", false}, {"required", true},
                                 {"deficiencyAllowed", false}, {"maxDeficiencyDays", 0}});
    return materials;
}

/// 2027 as the tests' official schedule says: New Year's Day on Friday 1 January and Monday
/// 4 January, Saturday 9 January worked in their place.
QJsonObject schedule2027()
{
    return {{"year", 2027},
            {"source", "test schedule"},
            {"holidays", QJsonArray{QJsonObject{{"name", "元旦"}, {"dates", QJsonArray{"2027-01-01", "2027-01-04"}}}}},
            {"adjustedWorkingDays", QJsonArray{"2027-01-09"}}};
}

} // namespace

class tst_CatalogAdmin : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    SignedInUsers m_users{m_server};

    HttpClient &as(const QString &username) { return m_users.as(username); }
    HttpClient &admin() { return as("admin"); }

    // Starts the server again on the same database, on another day.
    void restartOn(const QString &today)
    {
        QCOMPARE(m_server.stop(), 0);
        m_users.clear();
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", today}, &error), qPrintable(error));
    }

    ApiReply draft(HttpClient &client, const QString &code, const QJsonObject &definition,
                   const QByteArray &key = newKey())
    {
        return client.post(api("/matters/") + code + "/versions", toJson(definition), {{"Idempotency-Key", key}});
    }

    ApiReply publish(HttpClient &client, const QString &code, int version, const QJsonObject &body = {})
    {
        return client.post(api("/matters/%1/versions/%2/publish").arg(code).arg(version), toJson(body),
                           {{"Idempotency-Key", newKey()}});
    }

    // An HF-001 intake of 王五 at SZ as clerk1, with the materials the matter had when it was read.
    QJsonObject intakeOf(const QString &matter)
    {
        return sampleIntake(as("clerk1"), matter, "SZ", samplePerson(QStringLiteral("王五"), "110101199003070935"));
    }

    ApiReply accept(const QJsonObject &intake)
    {
        return as("clerk1").post(api("/cases"), toJson(intake), {{"Idempotency-Key", newKey()}});
    }

    /// The rows `sql` answers on `db`, each its columns joined by '|'.
    static QStringList rowsOf(const TestDatabase &db, const QString &sql)
    {
        QStringList rows;
        if (db.kind() == TestDatabase::Kind::SQLite) {
            {
                QSqlDatabase connection = QSqlDatabase::addDatabase("QSQLITE", "catalog-admin");
                connection.setDatabaseName(db.url().mid(7));
                if (!connection.open())
                    qFatal("cannot open %s", qPrintable(db.url()));
                QSqlQuery query(connection);
                if (!query.exec(sql))
                    qFatal("%s", qPrintable(query.lastError().text()));
                while (query.next()) {
                    QStringList columns;
                    for (int i = 0; i < query.record().count(); ++i)
                        columns << query.value(i).toString();
                    rows << columns.join('|');
                }
            }
            QSqlDatabase::removeDatabase("catalog-admin");
            return rows;
        }
        QString admin = qEnvironmentVariable("ONEWINDOW_TEST_PG_ADMIN");
        admin.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + db.url().section('/', -1));
        QProcess psql;
        psql.start("psql", {admin, "-v", "ON_ERROR_STOP=1", "-At", "-F", "|", "-c", sql});
        if (!psql.waitForFinished(30000) || psql.exitCode() != 0)
            qFatal("psql: %s", psql.readAllStandardError().constData());
        for (const QString &line : QString::fromUtf8(psql.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            rows << line;
        return rows;
    }

    /// The catalog's entries in the audit trail (outside cases, not sign-ins) since `after` (a
    /// seq), as "action actor: detail".
    QStringList catalogAudit(const TestDatabase &db, qint64 after = 0)
    {
        return rowsOf(db, QStringLiteral("SELECT action || ' ' || actor || ': ' || detail FROM audit_log WHERE "
                                         "case_id IS NULL AND seq > %1 AND (action LIKE 'matter%' OR action LIKE "
                                         "'bundle%' OR action LIKE 'calendar%' OR action LIKE 'catalog%' OR action "
                                         "LIKE 'department%' OR action LIKE 'center%') ORDER BY seq")
                              .arg(after));
    }

    /// The items of an import's report that changed, as "part:code:result".
    static QStringList changesIn(const QJsonObject &report)
    {
        QStringList out;
        for (const QString part : {"departments", "centers", "matters", "bundles", "calendar"}) {
            for (const auto &line : report.value(part).toArray()) {
                const QJsonObject item = line.toObject();
                if (item.value("result").toString() != "unchanged")
                    out << part + ":" + item.value(part == "calendar" ? "year" : "code").toVariant().toString() + ":"
                               + item.value("result").toString();
            }
        }
        return out;
    }

    qint64 lastAuditEntry()
    {
        return rowsOf(m_db, "SELECT COALESCE(MAX(seq), 0) FROM audit_log").value(0).toLongLong();
    }

    void verifyAudit(HttpClient &auditor)
    {
        const ApiReply r = auditor.get(api("/audit/verify"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("valid").toBool());
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
    }

    // A draft of HF-001 with one more material is seen by the administrator alone: the matter's
    // page, intake and a bundle with the matter keep version 1 until the draft is published
    // (today); then a new intake needs the material, while a case accepted before keeps
    // version 1 and its materials.
    void draftInvisibleUntilPublished()
    {
        const qint64 auditBefore = lastAuditEntry();
        QJsonObject hf001 = as("clerk1").get(api("/matters/HF-001")).object();
        QCOMPARE(hf001.value("version").toInt(), 1);
        const QJsonObject oldIntake = intakeOf("HF-001");
        const ApiReply before = accept(oldIntake);
        QCOMPARE(before.status, 201);
        const QString caseBefore = before.object().value("id").toString();

        ApiReply r = admin().put(api("/bundles/B-HOUSING"),
                                 toJson({{"name", "住房一件事"}, {"matters", QJsonArray{"HF-001", "HF-002"}}}));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.header("etag").isEmpty());
        QVERIFY(!valuesOf(r.object().value("materials").toArray(), "code").contains("SALARY_PROOF"));

        QJsonObject definition = hf001;
        definition.insert("materials", withMaterial(hf001.value("materials").toArray(), "SALARY_PROOF",
                                                    QStringLiteral("收入证明")));
        const QByteArray key = newKey();
        r = draft(admin(), "HF-001", definition, key);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("location"), QByteArray("/api/v1/matters/HF-001/versions/2"));
        const QJsonObject created = r.object();
        QCOMPARE(created.value("version").toInt(), 2);
        QCOMPARE(created.value("state").toString(), QStringLiteral("draft"));
        QCOMPARE(created.value("current").toBool(), false);
        QVERIFY(created.value("validFrom").isNull());
        QCOMPARE(created.value("createdBy").toString(), QStringLiteral("admin"));
        QVERIFY(valuesOf(created.value("definition").toObject().value("materials").toArray(), "code")
                    .contains("SALARY_PROOF"));
        QCOMPARE(draft(admin(), "HF-001", definition, key).header("idempotent-replayed"), QByteArray("true"));
        r = draft(admin(), "HF-001", definition);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("draft_exists"));

        // Nobody else sees it, the administrator included, anywhere but in the versions.
        for (const QString user : {"clerk1", "admin"}) {
            const QJsonObject shown = as(user).get(api("/matters/HF-001")).object();
            QCOMPARE(shown.value("version").toInt(), 1);
            QVERIFY(!valuesOf(shown.value("materials").toArray(), "code").contains("SALARY_PROOF"));
        }
        QVERIFY(!valuesOf(as("clerk1").get(api("/bundles/B-HOUSING")).object().value("materials").toArray(), "code")
                     .contains("SALARY_PROOF"));
        r = accept(oldIntake);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 1);
        QCOMPARE(valuesOf(admin().get(api("/matters/HF-001/versions")).object().value("items").toArray(), "state"),
                 (QStringList{"draft", "published"}));

        // The draft is edited at its ETag.
        const QByteArray etag = admin().get(api("/matters/HF-001/versions/2")).header("etag");
        QCOMPARE(admin().put(api("/matters/HF-001/versions/2"), toJson(definition)).status, 428);
        QCOMPARE(admin().put(api("/matters/HF-001/versions/2"), toJson(definition), {{"If-Match", "\"stale\""}}).status,
                 412);
        definition.insert("promisedDays", 2);
        r = admin().put(api("/matters/HF-001/versions/2"), toJson(definition), {{"If-Match", etag}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("etag") != etag);
        QCOMPARE(r.object().value("definition").toObject().value("promisedDays").toInt(), 2);
        QCOMPARE(admin().put(api("/matters/HF-001/versions/2"), toJson(definition), {{"If-Match", etag}}).status, 412);

        r = publish(admin(), "HF-001", 2);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("state").toString(), QStringLiteral("published"));
        QCOMPARE(r.object().value("current").toBool(), true);
        QCOMPARE(r.object().value("validFrom").toString(), QStringLiteral("2026-11-27"));
        QCOMPARE(r.object().value("publishedBy").toString(), QStringLiteral("admin"));
        const QJsonObject first = admin().get(api("/matters/HF-001/versions/1")).object();
        QCOMPARE(first.value("state").toString(), QStringLiteral("superseded"));
        QCOMPARE(first.value("validTo").toString(), QStringLiteral("2026-11-26"));
        // A published version never changes.
        QCOMPARE(publish(admin(), "HF-001", 2).object().value("code").toString(), QStringLiteral("version_published"));
        const QByteArray published = admin().get(api("/matters/HF-001/versions/2")).header("etag");
        r = admin().put(api("/matters/HF-001/versions/2"), toJson(definition), {{"If-Match", published}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("version_published"));
        QCOMPARE(admin().send("DELETE", api("/matters/HF-001/versions/2"), {}, {{"If-Match", published}}).status, 409);

        const QJsonObject shown = as("clerk1").get(api("/matters/HF-001")).object();
        QCOMPARE(shown.value("version").toInt(), 2);
        QCOMPARE(shown.value("promisedDays").toInt(), 2);
        QVERIFY(valuesOf(as("clerk1").get(api("/bundles/B-HOUSING")).object().value("materials").toArray(), "code")
                    .contains("SALARY_PROOF"));
        // Without the new material the intake is refused; with it, accepted under version 2.
        r = accept(oldIntake);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("materials_incomplete"));
        QCOMPARE(valuesOf(r.object().value("missing").toArray(), "code"), QStringList{"SALARY_PROOF"});
        r = accept(intakeOf("HF-001"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 2);
        // The case accepted before keeps its version and its materials.
        const QJsonObject old = as("clerk1").get(api("/cases/") + caseBefore).object();
        QCOMPARE(old.value("matters").toArray()[0].toObject().value("version").toInt(), 1);
        QCOMPARE(valuesOf(old.value("materials").toArray(), "code"), (QStringList{"ID_CARD", "LABOR_CONTRACT"}));

        QCOMPARE(catalogAudit(m_db, auditBefore),
                 (QStringList{"bundle_saved admin: B-HOUSING created: 住房一件事 (HF-001,HF-002)",
                              "matter_drafted admin: HF-001 version 2", "matter_draft_edited admin: HF-001 version 2",
                              "matter_published admin: HF-001 version 2 from 2026-11-27"}));
    }

    // What a draft changes against the version before: settings, fields, materials with their
    // deficiency rules, reasons.
    void diffOfTwoVersions()
    {
        QJsonObject definition = as("clerk1").get(api("/matters/HF-003")).object();
        definition.insert("legalDays", 20);
        QJsonArray fields = definition.value("fields").toArray();
        fields.append(QJsonObject{{"key", "spouse_name"}, {"label", QStringLiteral("配偶姓名")}, {"type", "text"},
                                  {"required", false}});
        definition.insert("fields", fields);
        QJsonArray materials = definition.value("materials").toArray();
        QJsonObject marriage = materials[2].toObject();
        QCOMPARE(marriage.value("code").toString(), QStringLiteral("MARRIAGE_CERT"));
        marriage.insert("maxDeficiencyDays", 3);
        materials[2] = marriage;
        materials.removeAt(4); // HOUSEHOLD_REGISTER
        definition.insert("materials", materials);
        QJsonArray reasons = definition.value("reasons").toArray();
        reasons.removeLast();
        definition.insert("reasons", reasons);
        QCOMPARE(draft(admin(), "HF-003", definition).status, 201);

        ApiReply r = admin().get(api("/matters/HF-003/versions/1/diff/2"));
        QCOMPARE(r.status, 200);
        const QJsonObject diff = r.object();
        QCOMPARE(diff.value("from").toInt(), 1);
        QCOMPARE(diff.value("to").toInt(), 2);
        const QJsonArray settings = diff.value("settings").toArray();
        QCOMPARE(settings.size(), 1);
        QCOMPARE(settings[0].toObject().value("name").toString(), QStringLiteral("legalDays"));
        QCOMPARE(settings[0].toObject().value("from").toInt(), 15);
        QCOMPARE(settings[0].toObject().value("to").toInt(), 20);
        const QJsonObject fieldDiff = diff.value("fields").toObject();
        QCOMPARE(valuesOf(fieldDiff.value("added").toArray(), "key"), QStringList{"spouse_name"});
        QVERIFY(fieldDiff.value("removed").toArray().isEmpty());
        QVERIFY(fieldDiff.value("changed").toArray().isEmpty());
        const QJsonObject materialDiff = diff.value("materials").toObject();
        QVERIFY(materialDiff.value("added").toArray().isEmpty());
        QCOMPARE(valuesOf(materialDiff.value("removed").toArray(), "code"), QStringList{"HOUSEHOLD_REGISTER"});
        const QJsonArray changed = materialDiff.value("changed").toArray();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].toObject().value("code").toString(), QStringLiteral("MARRIAGE_CERT"));
        QCOMPARE(changed[0].toObject().value("changes").toArray(), QJsonArray{"maxDeficiencyDays"});
        QCOMPARE(changed[0].toObject().value("from").toObject().value("maxDeficiencyDays").toInt(), 5);
        QCOMPARE(changed[0].toObject().value("to").toObject().value("maxDeficiencyDays").toInt(), 3);
        QCOMPARE(valuesOf(diff.value("reasons").toObject().value("removed").toArray(), "code"), QStringList{"RJ04"});

        // The other way round, and a version against itself.
        r = admin().get(api("/matters/HF-003/versions/2/diff/1"));
        QCOMPARE(valuesOf(r.object().value("materials").toObject().value("added").toArray(), "code"),
                 QStringList{"HOUSEHOLD_REGISTER"});
        r = admin().get(api("/matters/HF-003/versions/2/diff/2"));
        QVERIFY(r.object().value("settings").toArray().isEmpty());
        QVERIFY(r.object().value("materials").toObject().value("changed").toArray().isEmpty());
        QCOMPARE(admin().get(api("/matters/HF-003/versions/1/diff/3")).status, 404);

        // The draft is dropped; a new one takes its number.
        const QByteArray etag = admin().get(api("/matters/HF-003/versions/2")).header("etag");
        QCOMPARE(admin().send("DELETE", api("/matters/HF-003/versions/2"), {}, {}).status, 428);
        QCOMPARE(admin().send("DELETE", api("/matters/HF-003/versions/2"), {}, {{"If-Match", etag}}).status, 204);
        QCOMPARE(admin().get(api("/matters/HF-003/versions/2")).status, 404);
        QCOMPARE(catalogAudit(m_db).last(), QStringLiteral("matter_draft_deleted admin: HF-003 version 2"));
    }

    // What a matter's result provides (company establishment: the business licence) is part of
    // its definition: read, validated, stored with a draft, compared, and answered.
    void producedMaterialsDeclared()
    {
        QCOMPARE(as("clerk1").get(api("/matters/MR-001")).object().value("produces").toArray(),
                 QJsonArray{"BUSINESS_LICENSE"});
        QJsonObject definition = as("clerk1").get(api("/matters/MR-006")).object();
        QCOMPARE(definition.value("produces").toArray(), QJsonArray{});

        definition.insert("produces", QJsonArray{"business licence", "BUSINESS_LICENSE", "BUSINESS_LICENSE", 7});
        ApiReply r = draft(admin(), "MR-006", definition);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), (QStringList{"produces[0]:invalid", "produces[2]:duplicate", "produces[3]:invalid"}));
        definition.insert("produces", "BUSINESS_LICENSE");
        r = draft(admin(), "MR-006", definition);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldCodes(r), QStringList{"produces:invalid"});

        // Deregistration gives its notice (准予注销登记通知书).
        definition.insert("produces", QJsonArray{"DEREGISTRATION_NOTICE"});
        r = draft(admin(), "MR-006", definition);
        QCOMPARE(r.status, 201);
        r = admin().get(api("/matters/MR-006/versions/2"));
        QCOMPARE(r.object().value("definition").toObject().value("produces").toArray(),
                 QJsonArray{"DEREGISTRATION_NOTICE"});
        r = admin().get(api("/matters/MR-006/versions/1/diff/2"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("settings").toArray().isEmpty());
        QCOMPARE(r.object().value("produces").toObject().value("added").toArray(),
                 QJsonArray{"DEREGISTRATION_NOTICE"});
        QCOMPARE(r.object().value("produces").toObject().value("removed").toArray(), QJsonArray{});
        r = admin().get(api("/matters/MR-006/versions/2/diff/1"));
        QCOMPARE(r.object().value("produces").toObject().value("removed").toArray(),
                 QJsonArray{"DEREGISTRATION_NOTICE"});
        // Unpublished, the matter answers as before.
        QCOMPARE(as("clerk1").get(api("/matters/MR-006")).object().value("produces").toArray(), QJsonArray{});

        const QByteArray etag = admin().get(api("/matters/MR-006/versions/2")).header("etag");
        QCOMPARE(admin().send("DELETE", api("/matters/MR-006/versions/2"), {}, {{"If-Match", etag}}).status, 204);
    }

    // A version published from a later day leaves the one in effect so until then, for intakes
    // taken in before that day too.
    void validFromLaterKeepsTheOldVersion()
    {
        QJsonObject definition = as("clerk1").get(api("/matters/HF-002")).object();
        definition.insert("promisedDays", 2);
        QCOMPARE(draft(admin(), "HF-002", definition).status, 201);
        QCOMPARE(fieldCodes(publish(admin(), "HF-002", 2, {{"validFrom", "2026-11-26"}})),
                 QStringList{"validFrom:before_today"});
        QCOMPARE(fieldCodes(publish(admin(), "HF-002", 2, {{"validFrom", "2026-12-32"}})),
                 QStringList{"validFrom:invalid"});
        QCOMPARE(publish(admin(), "HF-002", 9).status, 404);
        ApiReply r = publish(admin(), "HF-002", 2, {{"validFrom", "2026-12-01"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("state").toString(), QStringLiteral("published"));
        QCOMPARE(r.object().value("current").toBool(), false);
        const QJsonArray versions = admin().get(api("/matters/HF-002/versions")).object().value("items").toArray();
        QCOMPARE(versions[1].toObject().value("validTo").toString(), QStringLiteral("2026-11-30"));
        QCOMPARE(versions[1].toObject().value("current").toBool(), true);

        QCOMPARE(as("clerk1").get(api("/matters/HF-002")).object().value("version").toInt(), 1);
        r = accept(intakeOf("HF-002"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 1);

        // Tuesday 1 December: version 2, except for an intake taken in offline on Monday.
        restartOn("2026-12-01");
        QCOMPARE(as("clerk1").get(api("/matters/HF-002")).object().value("version").toInt(), 2);
        QCOMPARE(as("clerk1").get(api("/matters/HF-002")).object().value("promisedDays").toInt(), 2);
        r = accept(intakeOf("HF-002"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 2);
        const ApiReply block = as("agent1").post(api("/centers/SZ-V01/number-blocks"), toJson({{"count", 1}}),
                                                 {{"Idempotency-Key", newKey()}});
        QCOMPARE(block.status, 201);
        QJsonObject offline = sampleIntake(as("agent1"), "HF-002", "SZ-V01",
                                           samplePerson(QStringLiteral("王五"), "110101199003070935"));
        offline.insert("number", block.object().value("numbers").toArray()[0]);
        offline.insert("takenAt", "2026-11-30T10:15:00+08:00");
        r = as("agent1").post(api("/cases"), toJson(offline), {{"Idempotency-Key", newKey()}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 1);
        QCOMPARE(admin().get(api("/matters/HF-002/versions/1")).object().value("state").toString(),
                 QStringLiteral("superseded"));
        restartOn("2026-11-27");
    }

    // A new matter is a draft 1 nobody sees, nor takes in, nor puts into a bundle, until it is
    // published; a draft never published goes when it is deleted.
    void newMatterInvisibleUntilPublished()
    {
        QJsonObject definition = as("clerk1").get(api("/matters/HF-004")).object();
        definition.insert("code", "HF-008");
        definition.insert("name", QStringLiteral("住房公积金账户封存"));
        definition.remove("initials");
        definition.remove("version");
        const auto create = [&](const QJsonObject &body) {
            return admin().post(api("/matters"), toJson(body), {{"Idempotency-Key", newKey()}});
        };
        QJsonObject bad = definition;
        bad.insert("code", "hf 8");
        bad.insert("department", "XX");
        QCOMPARE(fieldCodes(create(bad)), (QStringList{"code:invalid", "department:unknown"}));
        QCOMPARE(admin().post(api("/matters"), toJson(definition)).status, 428);
        ApiReply r = create(definition);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("state").toString(), QStringLiteral("draft"));
        QCOMPARE(r.object().value("definition").toObject().value("initials").toString(), QStringLiteral("zfgjjzhfc"));
        r = create(definition);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("matter_exists"));

        for (const QString user : {"clerk1", "admin"})
            QCOMPARE(as(user).get(api("/matters/HF-008")).status, 404);
        QVERIFY(as("clerk1").get(api("/matters?q=HF-008")).object().value("items").toArray().isEmpty());
        QJsonObject intake = intakeOf("HF-004");
        intake.insert("matters", QJsonArray{"HF-008"});
        QCOMPARE(fieldCodes(accept(intake)), QStringList{"matters[0]:unknown"});
        const QByteArray bundle = admin().get(api("/bundles/B-HOUSING")).header("etag");
        QCOMPARE(fieldCodes(admin().put(api("/bundles/B-HOUSING"),
                                        toJson({{"name", "住房一件事"}, {"matters", QJsonArray{"HF-001", "HF-008"}}}),
                                        {{"If-Match", bundle}})),
                 QStringList{"matters[1]:unknown"});

        QCOMPARE(publish(admin(), "HF-008", 1).status, 200);
        QCOMPARE(as("clerk1").get(api("/matters/HF-008")).object().value("name").toString(),
                 QStringLiteral("住房公积金账户封存"));
        QCOMPARE(valuesOf(as("clerk1").get(api("/matters?q=zfgjjzhfc")).object().value("items").toArray(), "code"),
                 QStringList{"HF-008"});
        r = accept(intake);
        QCOMPARE(r.status, 201);
        // Bundles: replaced at their ETag only.
        const QJsonObject housing{{"name", "住房一件事"}, {"matters", QJsonArray{"HF-001", "HF-002", "HF-008"}}};
        QCOMPARE(admin().put(api("/bundles/B-HOUSING"), toJson(housing)).status, 428);
        QCOMPARE(admin().put(api("/bundles/B-HOUSING"), toJson(housing), {{"If-Match", "\"x\""}}).status, 412);
        r = admin().put(api("/bundles/B-HOUSING"), toJson(housing), {{"If-Match", bundle}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("matters").toArray().size(), 3);
        QCOMPARE(fieldCodes(admin().put(api("/bundles/B-ONE"), toJson({{"matters", QJsonArray{"HF-001", "HF-001"}}}))),
                 (QStringList{"name:required", "matters[1]:duplicate"}));

        // A new matter's only draft takes the matter with it.
        QJsonObject other = definition;
        other.insert("code", "HF-009");
        QCOMPARE(create(other).status, 201);
        const QByteArray etag = admin().get(api("/matters/HF-009/versions/1")).header("etag");
        QCOMPARE(admin().send("DELETE", api("/matters/HF-009/versions/1"), {}, {{"If-Match", etag}}).status, 204);
        QCOMPARE(admin().get(api("/matters/HF-009/versions")).status, 404);
        QCOMPARE(catalogAudit(m_db).last(),
                 QStringLiteral("matter_draft_deleted admin: HF-009 version 1, and the matter, never published"));
    }

    // A year's official schedule replaces that year's entries, checked first; due dates counted
    // afterwards go over its holidays and adjusted working days.
    void calendarYear()
    {
        const auto put = [&](const QString &year, const QJsonObject &body) {
            return admin().put(api("/calendar/") + year, toJson(body));
        };
        QJsonObject bad = schedule2027();
        bad.insert("holidays", QJsonArray{QJsonObject{{"name", "元旦"},
                                                      {"dates", QJsonArray{"2027-01-01", "2026-12-31", "2027-02-30",
                                                                           "2027-01-01"}}},
                                          QJsonObject{{"dates", QJsonArray{}}}});
        bad.insert("adjustedWorkingDays", QJsonArray{"2027-01-08", "2027-01-09", "2027-01-09"});
        QCOMPARE(fieldCodes(put("2027", bad)),
                 (QStringList{"holidays[0].dates[1]:other_year", "holidays[0].dates[2]:invalid",
                              "holidays[0].dates[3]:duplicate", "holidays[1].name:required",
                              "holidays[1].dates:required", "adjustedWorkingDays[0]:not_weekend",
                              "adjustedWorkingDays[2]:duplicate"}));
        QCOMPARE(fieldCodes(put("2028", schedule2027())),
                 (QStringList{"year:mismatch", "holidays[0].dates[0]:other_year", "holidays[0].dates[1]:other_year",
                              "adjustedWorkingDays[0]:other_year"}));
        QCOMPARE(fieldCodes(put("2027", {{"adjustedWorkingDays", QJsonArray{}}})), QStringList{"holidays:required"});

        // Friday 27 November + 30 working days: 8 January 2027 on weekdays alone.
        const auto legalDue = [&] {
            const QString id = acceptSampleCase(as("clerk1"), "RE-003");
            return as("clerk1").get(api("/cases/") + id).object().value("legalDueDate").toString();
        };
        QCOMPARE(legalDue(), QStringLiteral("2027-01-08"));
        const qint64 auditBefore = lastAuditEntry();
        ApiReply r = put("2027", schedule2027());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object(), (QJsonObject{{"year", 2027}, {"holidayDays", 2}, {"adjustedWorkingDays", 1},
                                          {"replacedDays", 0}}));
        const QJsonArray days = as("clerk1").get(api("/calendar?from=2027-01-01&to=2027-01-09")).object()
                                    .value("days").toArray();
        QCOMPARE(days[0].toObject().value("holiday").toString(), QStringLiteral("元旦"));
        QCOMPARE(days[3].toObject().value("working").toBool(), false); // Monday 4 January
        QCOMPARE(days[8].toObject().value("adjusted").toBool(), true); // Saturday 9 January
        // 24 working days to 31 December, then 5 to 8 January, 9 January, 11 January.
        QCOMPARE(legalDue(), QStringLiteral("2027-01-11"));

        // Again, the year is replaced, not added to.
        QJsonObject fewer = schedule2027();
        fewer.insert("adjustedWorkingDays", QJsonArray{});
        r = put("2027", fewer);
        QCOMPARE(r.object().value("replacedDays").toInt(), 3);
        QCOMPARE(legalDue(), QStringLiteral("2027-01-12"));
        QCOMPARE(put("2027", schedule2027()).status, 200);
        // One day, as before.
        QCOMPARE(admin().put(api("/calendar/2026-12-31"), toJson({{"working", false}, {"holiday", "test"}})).status,
                 200);
        QCOMPARE(admin().put(api("/calendar/2026-12-31"), toJson({{"working", true}})).status, 200);
        QCOMPARE(catalogAudit(m_db, auditBefore),
                 (QStringList{"calendar_year_replaced admin: 2027: 2 holiday days, 1 adjusted working days, in place "
                              "of 0 days",
                              "calendar_year_replaced admin: 2027: 2 holiday days, 0 adjusted working days, in place "
                              "of 3 days",
                              "calendar_year_replaced admin: 2027: 2 holiday days, 1 adjusted working days, in place "
                              "of 2 days",
                              "calendar_changed admin: 2026-12-31 not working",
                              "calendar_changed admin: 2026-12-31 working"}));
    }

    // The catalog exported here and imported into a server of its own: new matters are in effect
    // there, changed ones are drafts to publish, bundles and calendar years replaced; published,
    // the second catalog is the first. All or nothing, idempotent, audited.
    void exportThenImportElsewhere()
    {
        ApiReply r = admin().get(api("/catalog/export"));
        QCOMPARE(r.status, 200);
        QJsonObject exported = r.object();
        const QJsonArray matters = exported.value("matters").toArray();
        QCOMPARE(matters.size(), 39);
        const auto matterOf = [](const QJsonObject &catalog, const QString &code) {
            for (const auto &m : catalog.value("matters").toArray()) {
                if (m.toObject().value("code").toString() == code)
                    return m.toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(matterOf(exported, "HF-002").value("version").toInt(), 2); // the one to be in effect
        QCOMPARE(matterOf(exported, "HF-002").value("validFrom").toString(), QStringLiteral("2026-12-01"));
        QVERIFY(matterOf(exported, "HF-004").value("validFrom").isNull());
        QCOMPARE(valuesOf(exported.value("calendar").toArray(), "year"), (QStringList{"2026", "2027"}));
        QCOMPARE(valuesOf(exported.value("bundles").toArray(), "code"),
                 (QStringList{"B-HOUSING", "B-OPEN-COMPANY", "B-OPEN-RESTAURANT"}));

        QTemporaryDir dir;
        QString error;
        const TestDatabase otherDb = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!otherDb.url().isEmpty(), qPrintable(error));
        ServerProcess other;
        QVERIFY2(other.start({"--database", otherDb.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
        SignedInUsers there(other);
        HttpClient &otherAdmin = there.as("admin");

        // All or nothing: a good new matter does not come with a bad one.
        QJsonObject broken = matterOf(exported, "HF-008");
        broken.remove("materials");
        QJsonObject fine = matterOf(exported, "HF-008");
        fine.insert("code", "HF-010");
        QJsonObject badYear = schedule2027();
        badYear.insert("adjustedWorkingDays", QJsonArray{"2027-01-08"});
        r = otherAdmin.post(api("/catalog/import"),
                            toJson({{"matters", QJsonArray{fine, broken}}, {"calendar", QJsonArray{badYear}}}),
                            {{"Idempotency-Key", newKey()}});
        QCOMPARE(fieldCodes(r), (QStringList{"matters[1].materials:required",
                                             "calendar[0].adjustedWorkingDays[0]:not_weekend"}));
        QCOMPARE(otherAdmin.get(api("/matters/HF-010/versions")).status, 404);

        QCOMPARE(otherAdmin.post(api("/catalog/import"), toJson(exported)).status, 428);
        const QByteArray key = newKey();
        r = otherAdmin.post(api("/catalog/import"), toJson(exported), {{"Idempotency-Key", key}});
        QCOMPARE(r.status, 200);
        const QJsonObject report = r.object();
        QCOMPARE(changesIn(report), (QStringList{"matters:HF-001:drafted", "matters:HF-002:drafted",
                                                 "matters:HF-008:created", "bundles:B-HOUSING:created",
                                                 "calendar:2027:replaced"}));
        QCOMPARE(report.value("matters").toArray().size(), 39);
        r = otherAdmin.post(api("/catalog/import"), toJson(exported), {{"Idempotency-Key", key}});
        QCOMPARE(r.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(r.object(), report);

        // The drafts are the administrator's to compare and publish; then both catalogs are one.
        QCOMPARE(there.as("clerk1").get(api("/matters/HF-001")).object().value("version").toInt(), 1);
        r = otherAdmin.get(api("/matters/HF-001/versions/1/diff/2"));
        QCOMPARE(valuesOf(r.object().value("materials").toObject().value("added").toArray(), "code"),
                 QStringList{"SALARY_PROOF"});
        QCOMPARE(publish(otherAdmin, "HF-001", 2).status, 200);
        QCOMPARE(publish(otherAdmin, "HF-002", 2, {{"validFrom", "2026-12-01"}}).status, 200);
        QJsonObject again = otherAdmin.get(api("/catalog/export")).object();
        exported.remove("exportedAt");
        again.remove("exportedAt");
        QCOMPARE(again, exported);
        r = otherAdmin.post(api("/catalog/import"), toJson(exported), {{"Idempotency-Key", newKey()}});
        QCOMPARE(valuesOf(r.object().value("matters").toArray(), "result"), QStringList(39, "unchanged"));

        // A matter with a draft is not drafted over.
        QJsonObject mr001 = matterOf(exported, "MR-001");
        QCOMPARE(draft(otherAdmin, "MR-001", mr001).status, 201);
        mr001.insert("promisedDays", 1);
        r = otherAdmin.post(api("/catalog/import"), toJson({{"matters", QJsonArray{mr001}}}),
                            {{"Idempotency-Key", newKey()}});
        QCOMPARE(fieldCodes(r), QStringList{"matters[0].code:draft_exists"});

        // Departments and centres are added or renamed, never moved.
        const auto importing = [&](const QJsonObject &document) {
            return otherAdmin.post(api("/catalog/import"), toJson(document), {{"Idempotency-Key", newKey()}});
        };
        const QJsonObject places{
            {"departments", QJsonArray{QJsonObject{{"code", "CA"}, {"name", QStringLiteral("民政")}},
                                       QJsonObject{{"code", "HF"}, {"name", QStringLiteral("住房公积金中心")}}}},
            {"centers", QJsonArray{QJsonObject{{"code", "SZ-V03"}, {"name", QStringLiteral("圣塘村便民服务中心")},
                                               {"parent", "SZ"}, {"kind", "village"}}}}};
        QJsonObject moved = places;
        moved.insert("centers", QJsonArray{QJsonObject{{"code", "SZ-V01"}, {"name", QStringLiteral("黄家溪村")},
                                                       {"parent", QJsonValue::Null}, {"kind", "hall"}}});
        QCOMPARE(fieldCodes(importing(moved)), QStringList{"centers[0].parent:differs"});
        r = importing(places);
        QCOMPARE(r.status, 200);
        QCOMPARE(changesIn(r.object()),
                 (QStringList{"departments:CA:created", "departments:HF:updated", "centers:SZ-V03:created"}));
        QVERIFY(valuesOf(there.as("clerk1").get(api("/centers")).object().value("items").toArray(), "code")
                    .contains("SZ-V03"));

        const QStringList audit = catalogAudit(otherDb);
        QVERIFY(audit.contains("matter_drafted admin: HF-001 version 2"));
        QVERIFY(audit.contains(QStringLiteral("matter_created admin: HF-008 住房公积金账户封存: draft version 1")));
        QVERIFY(audit.contains("matter_published admin: HF-008 version 1 from 2026-11-27"));
        QVERIFY(audit.contains("calendar_year_replaced admin: 2027: 2 holiday days, 1 adjusted working days, in "
                               "place of 0 days"));
        QVERIFY(audit.contains("catalog_imported admin: bundles: 1 created, 2 unchanged; calendar: 1 replaced, "
                               "1 unchanged; centers: 5 unchanged; departments: 6 unchanged; matters: 1 created, 2 "
                               "drafted, 36 unchanged"));
        verifyAudit(there.as("auditor"));
        QCOMPARE(other.stop(), 0);
    }

    // Every write is in the audit trail's chain outside cases, which verifies.
    void everyWriteAudited()
    {
        QStringList actions;
        for (const QString &entry : catalogAudit(m_db)) {
            const QString action = entry.section(' ', 0, 0);
            if (!actions.contains(action))
                actions << action;
        }
        for (const QString action : {"matter_created", "matter_drafted", "matter_draft_edited", "matter_draft_deleted",
                                     "matter_published", "bundle_saved", "calendar_year_replaced", "calendar_changed"})
            QVERIFY2(actions.contains(action), qPrintable(action));
        verifyAudit(as("auditor"));
    }

    // The administrator's alone: everybody else is answered 404 for every write and for the
    // versions, and reads the published matter as before.
    void othersGetNotFound()
    {
        const QByteArray key = newKey();
        for (const QString user : {"clerk1", "agent1", "approver-hf", "supervisor1", "auditor"}) {
            HttpClient &client = as(user);
            const QByteArray where = user.toUtf8();
            const QList<int> statuses{
                client.post(api("/matters"), "{}", {{"Idempotency-Key", key}}).status,
                client.post(api("/matters/HF-005/versions"), "{}", {{"Idempotency-Key", key}}).status,
                client.get(api("/matters/HF-005/versions")).status,
                client.get(api("/matters/HF-005/versions/1")).status,
                client.put(api("/matters/HF-005/versions/1"), "{}", {{"If-Match", "\"1\""}}).status,
                client.send("DELETE", api("/matters/HF-005/versions/1"), {}, {{"If-Match", "\"1\""}}).status,
                client.post(api("/matters/HF-005/versions/1/publish"), "{}", {{"Idempotency-Key", key}}).status,
                client.get(api("/matters/HF-005/versions/1/diff/1")).status,
                client.put(api("/matters/HF-005"), "{}", {{"If-Match", "\"1\""}}).status,
                client.put(api("/bundles/B-OPEN-COMPANY"), "{}").status,
                client.put(api("/calendar/2027"), toJson(schedule2027())).status,
                client.get(api("/catalog/export")).status,
                client.post(api("/catalog/import"), "{}", {{"Idempotency-Key", key}}).status,
            };
            QVERIFY2(statuses == QList<int>(statuses.size(), 404), where.constData());
            QVERIFY2(client.get(api("/matters/HF-005")).status == 200, where.constData());
        }
        QCOMPARE(admin().get(api("/matters/HF-005/versions")).status, 200);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_CatalogAdmin)
#include "tst_catalogadmin.moc"
