// The REST contract over real HTTP on loopback, against a real onewindow-server on SQLite or
// PostgreSQL (ONEWINDOW_TEST_DATABASE). Every exchange is recorded for the OpenAPI check.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSslConfiguration>
#include <QSslCertificate>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

const QString kApi = QStringLiteral("/api/v1");

QString api(const QString &path) { return kApi + path; }

QJsonObject applicantPerson(const QString &id = QStringLiteral("11010519491231002X"))
{
    return samplePerson(QStringLiteral("张三"), id);
}

QStringList codesOf(const QJsonArray &items, const QString &key = QStringLiteral("code"))
{
    QStringList out;
    for (const auto &item : items)
        out << item.toObject().value(key).toString();
    return out;
}

} // namespace

class tst_ServerApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    ServerProcess m_server;
    std::unique_ptr<HttpClient> m_anon;
    SignedInUsers m_users{m_server};
    QString m_caseSZ, m_caseV01, m_caseV02, m_deficientCase;

    HttpClient &as(const QString &username) { return m_users.as(username); }

    QString newKey() { return QStringLiteral("key-%1").arg(QRandomGenerator::global()->generate64()); }

    // A complete intake for `matter`, every required field filled and every material on paper.
    QJsonObject completeIntake(const QString &matter, const QString &center, const QString &user)
    {
        return sampleIntake(as(user), matter, center, applicantPerson());
    }

    // Another server instance on the same database, as behind a load balancer.
    bool startSecondInstance(ServerProcess &second)
    {
        QString error;
        if (second.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error))
            return true;
        qWarning("the second instance did not start: %s", qPrintable(error));
        return false;
    }

    ApiReply createCase(const QString &user, const QJsonObject &body, const QByteArray &key = {})
    {
        return as(user).post(api("/cases"), toJson(body), {{"Idempotency-Key", key.isEmpty() ? newKey().toUtf8() : key}});
    }

    QJsonObject setMaterial(QJsonObject body, const QString &code, const QString &provided,
                            const QString &dueDate = {})
    {
        QJsonArray materials = body.value("materials").toArray();
        for (int i = 0; i < materials.size(); ++i) {
            QJsonObject m = materials[i].toObject();
            if (m.value("code").toString() == code) {
                m.insert("provided", provided);
                if (!dueDate.isEmpty())
                    m.insert("dueDate", dueDate);
                materials[i] = m;
            }
        }
        body.insert("materials", materials);
        return body;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // This run's exchanges replace the last run's.
        QString error;
        m_db = TestDatabase::forSuite(m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-11-27"}, &error),
                 qPrintable(error));
        m_anon = std::make_unique<HttpClient>(m_server.baseUrl());
        qInfo("server %s on %s", qPrintable(m_server.baseUrl()), qPrintable(m_db.name()));
    }

    void health()
    {
        const ApiReply r = m_anon->get(api("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(r.object().value("database").toString(), m_db.name());
        QCOMPARE(r.object().value("today").toString(), QStringLiteral("2026-11-27"));
        QVERIFY(!r.header("x-request-id").isEmpty());
    }

    void signInAndOut()
    {
        HttpClient client(m_server.baseUrl());
        ApiReply r = client.signIn("clerk1", "wrong password");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("unauthorized"));
        QVERIFY(r.header("content-type").startsWith("application/problem+json"));
        r = client.signIn("nobody", "whatever");
        QCOMPARE(r.status, 401);
        r = client.post(api("/sessions"), toJson({{"username", "clerk1"}}));
        QCOMPARE(r.status, 422);
        QCOMPARE(codesOf(r.object().value("errors").toArray(), "field"), QStringList{"password"});

        r = client.signIn("clerk1");
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.object().value("user").toObject();
        QCOMPARE(user.value("username").toString(), QStringLiteral("clerk1"));
        QCOMPARE(user.value("role").toString(), QStringLiteral("clerk"));
        QCOMPARE(user.value("center").toString(), QStringLiteral("SZ"));
        QVERIFY(user.value("department").isNull());
        QVERIFY(!r.object().value("expiresAt").toString().isEmpty());
        r = client.get(api("/me"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("displayName").toString().isEmpty(), false);

        QCOMPARE(client.del(api("/sessions/current")).status, 204);
        QCOMPARE(client.get(api("/me")).status, 401);

        HttpClient forged(m_server.baseUrl());
        forged.setToken("not-a-token");
        QCOMPARE(forged.get(api("/me")).status, 401);
        QCOMPARE(m_anon->get(api("/me")).status, 401);
        QCOMPARE(m_anon->get(api("/cases")).status, 401);
    }

    // Throttling and idle expiry, on a server of their own with short waits: after three
    // failures from one address, the next attempt waits; other users go on.
    void throttleAndIdleExpiry()
    {
        QTemporaryDir dir;
        QString error;
        const TestDatabase db = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        QFile config(dir.filePath("server.properties"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("session.idleSeconds = 2\nsignIn.freeAttempts = 3\nsignIn.delaySeconds = 10\n");
        config.close();
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--demo", "--today", "2026-11-27", "--config", config.fileName()}, &error),
                 qPrintable(error));
        HttpClient client(server.baseUrl());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.signIn("clerk2", "wrong").status, 401);
        ApiReply r = client.signIn("clerk2");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("too_many_attempts"));
        QVERIFY(r.header("retry-after").toInt() >= 1 && r.header("retry-after").toInt() <= 10);
        // Other users are not affected.
        QCOMPARE(HttpClient(server.baseUrl()).signIn("clerk1").status, 201);
        QThread::sleep(11);
        r = client.signIn("clerk2");
        QCOMPARE(r.status, 201);
        QCOMPARE(client.get(api("/me")).status, 200);
        QThread::sleep(3);
        r = client.get(api("/me"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.object().value("detail").toString().contains("inactivity"));
        QCOMPARE(server.stop(), 0);
    }

    void catalogDepartmentsAndCenters()
    {
        ApiReply r = as("clerk1").get(api("/departments"));
        QCOMPARE(r.status, 200);
        QCOMPARE(codesOf(r.object().value("items").toArray()), (QStringList{"HF", "MI", "MR", "PS", "RE", "TX"}));
        r = as("clerk1").get(api("/centers"));
        QCOMPARE(r.status, 200);
        const QJsonArray centers = r.object().value("items").toArray();
        QCOMPARE(codesOf(centers), (QStringList{"SZ", "SZ-V01", "SZ-V02", "TL", "TL-V01"}));
        QVERIFY(centers[0].toObject().value("parent").isNull());
        QCOMPARE(centers[1].toObject().value("parent").toString(), QStringLiteral("SZ"));
        QCOMPARE(centers[2].toObject().value("kind").toString(), QStringLiteral("village"));
    }

    void mattersPagedAndSearched()
    {
        QStringList all;
        QString cursor;
        int pages = 0;
        do {
            const ApiReply r = as("clerk1").get(api("/matters?limit=10") + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            QCOMPARE(r.status, 200);
            const QJsonArray items = r.object().value("items").toArray();
            QVERIFY(items.size() <= 10);
            all << codesOf(items);
            cursor = r.object().value("nextCursor").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 20);
        QVERIFY2(all.size() >= 30, qPrintable(QString::number(all.size())));
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size());
        QStringList sorted = all;
        sorted.sort();
        QCOMPARE(all, sorted);
        for (const auto &code : {"HF-001", "HF-002", "MR-001", "MR-002", "MR-003", "PS-001", "TX-001", "RE-001"})
            QVERIFY2(all.contains(code), code);

        // Pinyin initials: gjj finds every housing-fund matter with 公积金 in its name.
        ApiReply r = as("clerk1").get(api("/matters?q=gjj&limit=200"));
        QCOMPARE(r.status, 200);
        const QJsonArray gjj = r.object().value("items").toArray();
        QVERIFY(gjj.size() >= 3);
        for (const auto &m : gjj) {
            QVERIFY(m.toObject().value("name").toString().contains(QStringLiteral("公积金")));
            QVERIFY(m.toObject().value("initials").toString().contains("gjj"));
        }
        r = as("clerk1").get(api("/matters?q=") + QUrl::toPercentEncoding(QStringLiteral("公积金")) + "&limit=200");
        QCOMPARE(r.object().value("items").toArray().size(), gjj.size());
        r = as("clerk1").get(api("/matters?q=mr-00"));
        QVERIFY(codesOf(r.object().value("items").toArray()).contains("MR-001"));
        r = as("clerk1").get(api("/matters?department=PS&limit=200"));
        for (const auto &m : r.object().value("items").toArray())
            QCOMPARE(m.toObject().value("department").toString(), QStringLiteral("PS"));
        // ICU's default reading of 行 is xing; the catalog may override the initials.
        r = as("clerk1").get(api("/matters?q=yhk&limit=200"));
        QVERIFY(!r.object().value("items").toArray().isEmpty());

        QCOMPARE(as("clerk1").get(api("/matters?limit=0")).status, 422);
        QCOMPARE(as("clerk1").get(api("/matters?limit=201")).status, 422);
        QCOMPARE(as("clerk1").get(api("/matters?limit=ten")).status, 422);
    }

    void matterDetail()
    {
        const ApiReply r = as("clerk1").get(api("/matters/HF-001"));
        QCOMPARE(r.status, 200);
        const QJsonObject m = r.object();
        QCOMPARE(m.value("department").toString(), QStringLiteral("HF"));
        QCOMPARE(m.value("promisedDays").toDouble(), 1.0);
        QCOMPARE(m.value("legalDays").toDouble(), 20.0);
        QCOMPARE(m.value("version").toInt(), 1);
        QCOMPARE(r.header("etag"), QByteArray("\"1\""));
        const QJsonArray materials = m.value("materials").toArray();
        QCOMPARE(codesOf(materials), (QStringList{"ID_CARD", "LABOR_CONTRACT"}));
        QVERIFY(materials[0].toObject().value("core").toBool());
        QCOMPARE(materials[0].toObject().value("eLicenseType").toString(), QStringLiteral("ID_CARD"));
        QVERIFY(materials[1].toObject().value("deficiencyAllowed").toBool());
        QCOMPARE(materials[1].toObject().value("maxDeficiencyDays").toInt(), 5);
        QVERIFY(!m.value("fields").toArray().isEmpty());
        QCOMPARE(as("clerk1").get(api("/matters/MR-001")).object().value("promisedDays").toDouble(), 0.5);
        QCOMPARE(as("clerk1").get(api("/matters/NOPE-1")).status, 404);
    }

    void bundlesAskLess()
    {
        ApiReply r = as("clerk1").get(api("/bundles"));
        QCOMPARE(r.status, 200);
        QCOMPARE(codesOf(r.object().value("items").toArray()), (QStringList{"B-OPEN-COMPANY", "B-OPEN-RESTAURANT"}));
        for (const QString code : {"B-OPEN-COMPANY", "B-OPEN-RESTAURANT"}) {
            r = as("clerk1").get(api("/bundles/") + code);
            QCOMPARE(r.status, 200);
            const QJsonObject b = r.object();
            const QJsonObject reduction = b.value("reduction").toObject();
            QVERIFY(reduction.value("mergedFields").toInt() < reduction.value("separateFields").toInt());
            QVERIFY(reduction.value("mergedMaterials").toInt() < reduction.value("separateMaterials").toInt());
            QCOMPARE(b.value("fields").toArray().size(), reduction.value("mergedFields").toInt());
            const QStringList keys = codesOf(b.value("fields").toArray(), "key");
            QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
            const QStringList materials = codesOf(b.value("materials").toArray());
            QCOMPARE(QSet<QString>(materials.begin(), materials.end()).size(), materials.size());
        }
        QCOMPARE(as("clerk1").get(api("/bundles/B-NONE")).status, 404);
    }

    void calendar()
    {
        ApiReply r = as("clerk1").get(api("/calendar?from=2026-02-13&to=2026-02-24"));
        QCOMPARE(r.status, 200);
        const QJsonArray days = r.object().value("days").toArray();
        QCOMPARE(days.size(), 12);
        QVERIFY(days[0].toObject().value("working").toBool());
        QVERIFY(days[1].toObject().value("working").toBool()); // Saturday 14 Feb, adjusted
        QVERIFY(days[1].toObject().value("adjusted").toBool());
        QVERIFY(!days[2].toObject().value("working").toBool());
        QVERIFY(days[2].toObject().value("holiday").toString().contains(QStringLiteral("春节")));
        QVERIFY(days[11].toObject().value("working").toBool());
        QCOMPARE(as("clerk1").get(api("/calendar?from=2026-02-24&to=2026-02-13")).status, 422);
        QCOMPARE(as("clerk1").get(api("/calendar?from=2026-02-30&to=2026-03-01")).status, 422);
        QCOMPARE(as("clerk1").get(api("/calendar?from=2026-01-01&to=2027-12-31")).status, 422);

        const QByteArray body = toJson({{"working", false}, {"holiday", QStringLiteral("防汛")}});
        for (const QString user : {"clerk1", "agent1", "approver-hf", "supervisor1", "auditor"})
            QCOMPARE(as(user).put(api("/calendar/2026-12-31"), body).status, 404);
        r = as("admin").put(api("/calendar/2026-12-31"), body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("working").toBool(), false);
        r = as("clerk1").get(api("/calendar?from=2026-12-31&to=2026-12-31"));
        QCOMPARE(r.object().value("days").toArray()[0].toObject().value("holiday").toString(), QStringLiteral("防汛"));
        QCOMPARE(as("admin").put(api("/calendar/2026-12-31"), toJson({{"working", true}})).status, 200);
        QCOMPARE(as("admin").put(api("/calendar/2026-13-01"), toJson({{"working", true}})).status, 422);
        QCOMPARE(as("admin").put(api("/calendar/2026-12-30"), toJson({{"working", "yes"}})).status, 422);
    }

    void licenses()
    {
        ApiReply r = as("clerk1").get(api("/applicants/11010519491231002X/licenses"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.object().value("items").toArray();
        QCOMPARE(codesOf(items, "type"), (QStringList{"HOUSEHOLD_REGISTER", "ID_CARD"}));
        for (const auto &item : items) {
            QCOMPARE(item.toObject().value("holder").toString(), QStringLiteral("110105********002X"));
            QVERIFY(!item.toObject().value("number").toString().contains("19491231"));
        }
        r = as("agent1").get(api("/applicants/91512081MA62K0260E/licenses"));
        QCOMPARE(codesOf(r.object().value("items").toArray(), "type"), QStringList{"BUSINESS_LICENSE"});
        r = as("clerk1").get(api("/applicants/11010519491231003X/licenses"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("validation_failed"));
        QCOMPARE(as("clerk1").get(api("/applicants/440524188001010014/licenses")).object().value("items").toArray().size(),
                 0);
        QCOMPARE(as("approver-hf").get(api("/applicants/11010519491231002X/licenses")).status, 404);
        QCOMPARE(as("admin").get(api("/applicants/11010519491231002X/licenses")).status, 404);
    }

    void acceptComplete()
    {
        QJsonObject body = completeIntake("HF-001", "SZ", "clerk1");
        // Text with quotes and a backslash comes back as typed; ID numbers come back masked.
        QJsonObject form = body.value("form").toObject();
        QString textKey, idKey;
        for (auto it = form.begin(); it != form.end(); ++it) {
            if (it.value().toString() == QStringLiteral("盛泽测试") && textKey.isEmpty())
                textKey = it.key();
            if (it.value().toString() == QStringLiteral("11010519491231002X"))
                idKey = it.key();
        }
        QVERIFY(!textKey.isEmpty() && !idKey.isEmpty());
        const QString typed = QStringLiteral("他说 \"好\" \\ {\"x\": 1}");
        form.insert(textKey, typed);
        body.insert("form", form);
        const ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.object();
        m_caseSZ = c.value("id").toString();
        QCOMPARE(c.value("form").toObject().value(textKey).toString(), typed);
        QCOMPARE(c.value("form").toObject().value(idKey).toString(), QStringLiteral("110105********002X"));
        QCOMPARE(c.value("status").toString(), QStringLiteral("accepted"));
        QVERIFY(c.value("number").toString().startsWith("SZ-20261127-"));
        QCOMPARE(r.header("location"), ("/api/v1/cases/" + m_caseSZ).toUtf8());
        QCOMPARE(r.header("etag"), QByteArray("\"1\""));
        QCOMPARE(c.value("applicant").toObject().value("idNumber").toString(), QStringLiteral("110105********002X"));
        QVERIFY(!QString::fromUtf8(r.body).contains("19491231"));
        QCOMPARE(c.value("promisedDueDate").toString(), QStringLiteral("2026-11-30")); // Friday + 1 working day
        QCOMPARE(c.value("clerk").toString(), QStringLiteral("clerk1"));
        QCOMPARE(c.value("channel").toString(), QStringLiteral("counter"));
        QCOMPARE(c.value("deficiencies").toArray().size(), 0);
        QCOMPARE(c.value("matters").toArray()[0].toObject().value("version").toInt(), 1);
        // One call shows the whole case.
        const ApiReply again = as("clerk1").get(api("/cases/") + m_caseSZ);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object(), c);
        QCOMPARE(again.header("etag"), QByteArray("\"1\""));
    }

    void acceptWithDeficiency()
    {
        QJsonObject body = setMaterial(completeIntake("HF-001", "SZ", "clerk1"), "LABOR_CONTRACT", "deficient");
        ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        const QJsonArray deficiencies = r.object().value("deficiencies").toArray();
        QCOMPARE(deficiencies.size(), 1);
        QCOMPARE(deficiencies[0].toObject().value("material").toString(), QStringLiteral("LABOR_CONTRACT"));
        // Friday 27 Nov + 5 working days.
        QCOMPARE(deficiencies[0].toObject().value("dueDate").toString(), QStringLiteral("2026-12-04"));
        QCOMPARE(deficiencies[0].toObject().value("status").toString(), QStringLiteral("outstanding"));
        m_deficientCase = r.object().value("id").toString();
        // Built from the rows written, the answer is the case as a read returns it.
        QCOMPARE(as("clerk1").get(api("/cases/") + m_deficientCase).object(), r.object());

        // An earlier date in the request wins; a later one is refused.
        r = createCase("clerk1", setMaterial(body, "LABOR_CONTRACT", "deficient", "2026-12-01"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("deficiencies").toArray()[0].toObject().value("dueDate").toString(),
                 QStringLiteral("2026-12-01"));
        r = createCase("clerk1", setMaterial(body, "LABOR_CONTRACT", "deficient", "2026-12-31"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("materials_incomplete"));
        QCOMPARE(r.object().value("missing").toArray()[0].toObject().value("reason").toString(),
                 QStringLiteral("due_date_too_late"));
    }

    // Everything missing is listed at once: the one-time notice.
    void oneTimeNotice()
    {
        QJsonObject body = completeIntake("HF-002", "SZ", "clerk1");
        body.insert("materials", QJsonArray{QJsonObject{{"code", "BANK_CARD"}, {"provided", "deficient"}}});
        const ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("materials_incomplete"));
        QMap<QString, QString> reasons;
        for (const auto &m : r.object().value("missing").toArray()) {
            reasons.insert(m.toObject().value("code").toString(), m.toObject().value("reason").toString());
            QVERIFY(!m.toObject().value("name").toString().isEmpty());
        }
        QCOMPARE(reasons.value("ID_CARD"), QStringLiteral("core_missing"));
        QCOMPARE(reasons.value("BANK_CARD"), QStringLiteral("core_missing"));
        QCOMPARE(reasons.value("PURCHASE_CONTRACT"), QStringLiteral("required_missing"));
        QCOMPARE(reasons.size(), 3);
    }

    void validationListsEveryField()
    {
        QJsonObject body = completeIntake("HF-002", "SZ", "clerk1");
        body.insert("applicant", QJsonObject{{"kind", "person"}, {"name", ""}, {"idNumber", "11010519491231003X"},
                                             {"phone", "12345"}});
        QJsonObject form = body.value("form").toObject();
        form.remove("bank_account");
        form.insert("withdrawal_amount", "lots");
        body.insert("form", form);
        body.insert("channel", "fax");
        const ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("validation_failed"));
        const QStringList fields = codesOf(r.object().value("errors").toArray(), "field");
        for (const auto &f : {"applicant.name", "applicant.idNumber", "applicant.phone", "channel", "form.bank_account",
                              "form.withdrawal_amount"})
            QVERIFY2(fields.contains(f), f);
        QCOMPARE(fields.size(), 6);
        ApiReply none = createCase("clerk1", QJsonObject{});
        QCOMPARE(none.status, 422);
        QVERIFY(codesOf(none.object().value("errors").toArray(), "field").contains("matters"));
    }

    // The identifiers the department plugins check on the client, checked again here: a bad
    // value is refused with the field and the domain's reason, a good one accepted.
    void departmentIdentifiers_data()
    {
        QTest::addColumn<QString>("matter");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code"); ///< empty: accepted
        QTest::newRow("MI social security number") << "MI-002" << "social_security_number" << "11010519491231002X" << "";
        QTest::newRow("MI social security number, check") << "MI-002" << "social_security_number"
                                                           << "110105194912310021" << "check_character";
        QTest::newRow("MR registered capital") << "MR-001" << "registered_capital" << "12.345678" << "";
        QTest::newRow("MR registered capital, unit typed") << "MR-001" << "registered_capital" << "100万元" << "format";
        QTest::newRow("MR registered capital, decimals") << "MR-001" << "registered_capital" << "0.1234567"
                                                         << "too_many_decimals";
        QTest::newRow("MR registered capital, zero") << "MR-004" << "registered_capital" << "0" << "not_positive";
        QTest::newRow("MR registered capital, yuan") << "MR-001" << "registered_capital" << "500000000" << "too_large";
        QTest::newRow("MR business scope") << "MR-001" << "business_scope" << "C1742；F5132、H6210" << "";
        QTest::newRow("MR business scope, words") << "MR-001" << "business_scope" << "纺织品销售" << "format";
        QTest::newRow("MR business scope, section") << "MR-004" << "business_scope" << "F1742" << "section";
        QTest::newRow("MR business scope, not listed") << "MR-001" << "business_scope" << "C1799" << "unknown_code";
        QTest::newRow("MR business scope, twice") << "MR-001" << "business_scope" << "C1742,C1742" << "duplicate";
        QTest::newRow("MR business scope, no code") << "MR-001" << "business_scope" << "；" << "empty";
        QTest::newRow("RE certificate") << "RE-001" << "property_cert_number" << "苏（2015）苏州市吴江区不动产权第7001234号"
                                        << "";
        QTest::newRow("RE certificate, province") << "RE-002" << "property_cert_number"
                                                  << "中(2026)吴江区不动产权第0001234号" << "province";
        QTest::newRow("RE certificate, next year") << "RE-004" << "property_cert_number"
                                                   << "苏(2027)吴江区不动产权第0001234号" << "year";
        QTest::newRow("RE certificate, district") << "RE-005" << "property_cert_number"
                                                  << "苏(2026)不动产权第0001234号" << "district";
        QTest::newRow("RE certificate, sequence") << "RE-001" << "property_cert_number"
                                                  << "苏(2026)吴江区不动产权第001234号" << "sequence";
        QTest::newRow("TX taxpayer number, check") << "TX-002" << "credit_code" << "91512081MA62K0261E"
                                                   << "check_character";
        QTest::newRow("PS birth certificate") << "PS-006" << "birth_cert_number" << "X320101001" << "";
        QTest::newRow("PS birth certificate, length") << "PS-006" << "birth_cert_number" << "X32010100" << "length";
        QTest::newRow("PS birth certificate, characters") << "PS-006" << "birth_cert_number" << "3320101001"
                                                          << "characters";
        QTest::newRow("PS birth certificate, province") << "PS-006" << "birth_cert_number" << "X990101001"
                                                        << "province";
    }
    void departmentIdentifiers()
    {
        QFETCH(QString, matter);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QJsonObject body = completeIntake(matter, "SZ", "clerk1");
        QJsonObject form = body.value("form").toObject();
        QVERIFY2(form.contains(field), qPrintable(field));
        form.insert(field, value);
        body.insert("form", form);
        const ApiReply r = createCase("clerk1", body);
        if (code.isEmpty()) {
            QCOMPARE(r.status, 201);
            // As typed; an ID number (the social security number) comes back masked.
            const QString stored = r.object().value("form").toObject().value(field).toString();
            QCOMPARE(stored, field == QLatin1String("social_security_number") ? QStringLiteral("110105********002X") : value);
            return;
        }
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("validation_failed"));
        QCOMPARE(fieldCodes(r), QStringList{QStringLiteral("form.%1:%2").arg(field, code)});
    }

    void onlyOwnCenter()
    {
        const ApiReply r = createCase("clerk1", completeIntake("HF-001", "SZ-V01", "clerk1"));
        QCOMPARE(r.status, 422);
        QCOMPARE(codesOf(r.object().value("errors").toArray(), "field"), QStringList{"center"});
        QCOMPARE(createCase("agent1", completeIntake("HF-001", "SZ", "agent1")).status, 422);
        for (const QString user : {"approver-hf", "supervisor1", "admin", "auditor"})
            QCOMPARE(createCase(user, completeIntake("HF-001", "SZ", user)).status, 404);
    }

    void electronicLicenseMustBeHeld()
    {
        QJsonObject body = setMaterial(completeIntake("HF-001", "SZ", "clerk1"), "ID_CARD", "e_license");
        QCOMPARE(createCase("clerk1", body).status, 201);
        body.insert("applicant", applicantPerson("440524188001010014"));
        const ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("errors").toArray()[0].toObject().value("code").toString(),
                 QStringLiteral("e_license_not_held"));
    }

    void idempotency()
    {
        const QJsonObject body = completeIntake("HF-001", "SZ", "clerk1");
        ApiReply r = as("clerk1").post(api("/cases"), toJson(body));
        QCOMPARE(r.status, 428);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("precondition_required"));

        const QByteArray key = newKey().toUtf8();
        const ApiReply first = createCase("clerk1", body, key);
        QCOMPARE(first.status, 201);
        const ApiReply replay = createCase("clerk1", body, key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.object().value("id"), first.object().value("id"));
        QCOMPARE(replay.object().value("number"), first.object().value("number"));
        QCOMPARE(replay.header("location"), first.header("location"));
        // The first answer, byte for byte, with its ETag; marked as a replay.
        QCOMPARE(replay.body, first.body);
        QCOMPARE(replay.header("etag"), first.header("etag"));
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
        // The answer is the case as stored.
        QCOMPARE(as("clerk1").get(QString::fromUtf8(first.header("location"))).object(), first.object());
        // Nothing was created twice.
        const ApiReply list = as("clerk1").get(api("/cases?limit=200"));
        int copies = 0;
        for (const auto &c : list.object().value("items").toArray())
            copies += c.toObject().value("number") == first.object().value("number") ? 1 : 0;
        QCOMPARE(copies, 1);

        QJsonObject other = body;
        other.insert("greenChannel", true);
        r = createCase("clerk1", other, key);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("idempotency_key_reused"));
        // Keys belong to their user: another clerk may use the same key.
        QCOMPARE(createCase("clerk2", body, key).status, 201);
    }

    void bundleCase()
    {
        const ApiReply b = as("clerk1").get(api("/bundles/B-OPEN-COMPANY"));
        QJsonObject form;
        for (const auto &f : b.object().value("fields").toArray())
            form.insert(f.toObject().value("key").toString(), sampleValue(f.toObject().value("type").toString()));
        QJsonArray materials;
        for (const auto &x : b.object().value("materials").toArray())
            materials.append(QJsonObject{{"code", x.toObject().value("code")}, {"provided", "paper"}});
        const QJsonObject body{{"bundle", "B-OPEN-COMPANY"}, {"applicant", applicantPerson()}, {"center", "SZ"},
                               {"form", form},                {"materials", materials}};
        const ApiReply r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("bundle").toString(), QStringLiteral("B-OPEN-COMPANY"));
        QCOMPARE(codesOf(r.object().value("matters").toArray()), (QStringList{"MR-001", "PS-001", "TX-001"}));
        QCOMPARE(r.object().value("materials").toArray().size(), b.object().value("materials").toArray().size());
        QJsonObject both = body;
        both.insert("matters", QJsonArray{"HF-001"});
        QCOMPARE(createCase("clerk1", both).status, 422);
    }

    // The restaurant bundle: company establishment gives the business licence that the food
    // business licence and the shop sign need, so the bundle does not ask for it, and asks at
    // least 40% fewer fields and 50% fewer materials than the three matters taken apart.
    void restaurantBundleWithoutTheLicence()
    {
        const ApiReply b = as("clerk1").get(api("/bundles/B-OPEN-RESTAURANT"));
        QCOMPARE(b.status, 200);
        const QJsonObject bundle = b.object();
        const QStringList asked = codesOf(bundle.value("materials").toArray());
        QVERIFY(!asked.isEmpty());
        QVERIFY(!asked.contains("BUSINESS_LICENSE"));
        const QJsonArray produced = bundle.value("produced").toArray();
        QCOMPARE(codesOf(produced), QStringList{"BUSINESS_LICENSE"});
        QCOMPARE(produced[0].toObject().value("matters").toArray(), (QJsonArray{"MR-002", "MR-003"}));
        QCOMPARE(produced[0].toObject().value("producedBy").toArray(), QJsonArray{"MR-001"});
        const QJsonObject reduction = bundle.value("reduction").toObject();
        QVERIFY2(reduction.value("fieldsSavedPercent").toInt() >= 40, toJson(reduction).constData());
        QVERIFY2(reduction.value("materialsSavedPercent").toInt() >= 50, toJson(reduction).constData());

        // Alone, the food business licence needs the business licence, a core material.
        QJsonObject alone = completeIntake("MR-002", "SZ", "clerk1");
        QJsonArray aloneMaterials;
        for (const auto &m : alone.value("materials").toArray()) {
            if (m.toObject().value("code").toString() != "BUSINESS_LICENSE")
                aloneMaterials.append(m);
        }
        QCOMPARE(aloneMaterials.size(), alone.value("materials").toArray().size() - 1);
        alone.insert("materials", aloneMaterials);
        ApiReply r = createCase("clerk1", alone);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("materials_incomplete"));
        const QJsonArray missing = r.object().value("missing").toArray();
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing[0].toObject().value("code").toString(), QStringLiteral("BUSINESS_LICENSE"));
        QCOMPARE(missing[0].toObject().value("reason").toString(), QStringLiteral("core_missing"));

        // In the bundle: every material it asks for on paper, no business licence; accepted.
        QJsonObject form;
        for (const auto &f : bundle.value("fields").toArray())
            form.insert(f.toObject().value("key").toString(), sampleValue(f.toObject().value("type").toString()));
        QJsonArray materials;
        for (const QString &code : asked)
            materials.append(QJsonObject{{"code", code}, {"provided", "paper"}});
        QJsonObject body{{"bundle", "B-OPEN-RESTAURANT"}, {"applicant", applicantPerson()}, {"center", "SZ"},
                         {"form", form},                   {"materials", materials}};
        r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(codesOf(r.object().value("matters").toArray()), (QStringList{"MR-001", "MR-002", "MR-003"}));
        QCOMPARE(codesOf(r.object().value("materials").toArray()), asked);

        // Said anyway, even as deficient, the licence changes nothing: it is not the applicant's to bring.
        materials.append(QJsonObject{{"code", "BUSINESS_LICENSE"}, {"provided", "deficient"}});
        body.insert("materials", materials);
        r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(codesOf(r.object().value("materials").toArray()), asked);
        QVERIFY(r.object().value("deficiencies").toArray().isEmpty());
    }

    // Every role x every endpoint x an object in and out of scope.
    void authorizationMatrix()
    {
        m_caseV01 = createCase("agent1", completeIntake("MR-001", "SZ-V01", "agent1")).object().value("id").toString();
        m_caseV02 = createCase("agent2", completeIntake("MR-001", "SZ-V02", "agent2")).object().value("id").toString();
        QVERIFY(!m_caseV01.isEmpty() && !m_caseV02.isEmpty() && !m_caseSZ.isEmpty());

        const QStringList users{"clerk1", "clerk2", "agent1", "agent2", "approver-hf", "approver-mr",
                                "supervisor1", "admin", "auditor"};
        // case -> users who may read it
        const QMap<QString, QStringList> readers{
            {m_caseSZ, {"clerk1", "clerk2", "approver-hf", "supervisor1"}},
            {m_caseV01, {"clerk1", "clerk2", "agent1", "approver-mr", "supervisor1"}},
            {m_caseV02, {"clerk1", "clerk2", "agent2", "approver-mr", "supervisor1"}},
        };
        for (const QString &user : users) {
            QSet<QString> listed;
            const ApiReply list = as(user).get(api("/cases?limit=200"));
            const bool mayList = user != "admin" && user != "auditor";
            QCOMPARE(list.status, mayList ? 200 : 404);
            for (const auto &c : list.object().value("items").toArray())
                listed.insert(c.toObject().value("id").toString());
            for (auto it = readers.begin(); it != readers.end(); ++it) {
                const bool may = it.value().contains(user);
                const QByteArray where = (user + " reads " + it.key()).toUtf8();
                QVERIFY2(as(user).get(api("/cases/") + it.key()).status == (may ? 200 : 404), where.constData());
                QVERIFY2(listed.contains(it.key()) == may, where.constData());
                const bool mayAudit = may || user == "auditor";
                QVERIFY2(as(user).get(api("/cases/") + it.key() + "/audit").status == (mayAudit ? 200 : 404),
                         where.constData());
                const bool maySupply = may && !user.startsWith("approver");
                // Without If-Match: 428 when allowed to try, 404 when out of scope.
                const int supply = as(user).post(api("/cases/") + it.key() + "/deficiencies/none/supply",
                                                 toJson({{"provided", "paper"}}))
                                       .status;
                QVERIFY2(supply == (maySupply ? 428 : 404), where.constData());
            }
            const QMap<QString, int> endpoints{
                {"/me", 200},
                {"/departments", 200},
                {"/centers", 200},
                {"/matters", 200},
                {"/matters/HF-001", 200},
                {"/bundles", 200},
                {"/bundles/B-OPEN-RESTAURANT", 200},
                {"/calendar?from=2026-11-01&to=2026-11-30", 200},
                {"/applicants/11010519491231002X/licenses",
                 user.startsWith("clerk") || user.startsWith("agent") ? 200 : 404},
                {"/deficiencies", mayList ? 200 : 404},
                {"/audit/verify", user == "auditor" ? 200 : 404},
            };
            for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
                const QByteArray where = (user + " GET " + it.key()).toUtf8();
                QVERIFY2(as(user).get(api(it.key())).status == it.value(), where.constData());
                QVERIFY2(m_anon->get(api(it.key())).status == 401, where.constData());
            }
            const bool admin = user == "admin";
            QVERIFY(as(user).put(api("/calendar/2026-12-30"), toJson({{"working", true}})).status == (admin ? 200 : 404));
            QVERIFY(as(user).put(api("/matters/HF-003"), "{}", {{"If-Match", "\"1\""}}).status == (admin ? 422 : 404));
        }
    }

    void supplyDeficiency()
    {
        const QString path = api("/cases/") + m_deficientCase;
        ApiReply c = as("clerk1").get(path);
        const QString did = c.object().value("deficiencies").toArray()[0].toObject().value("id").toString();
        const QString supply = path + "/deficiencies/" + did + "/supply";
        const QByteArray body = toJson({{"provided", "scan"}});
        QCOMPARE(as("clerk1").post(supply, body).status, 428);
        ApiReply r = as("clerk1").post(supply, body, {{"If-Match", "\"7\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("precondition_failed"));
        QCOMPARE(as("clerk1").post(supply, toJson({{"provided", "email"}}), {{"If-Match", c.header("etag")}}).status, 422);
        QCOMPARE(as("clerk1").post(path + "/deficiencies/nope/supply", body, {{"If-Match", c.header("etag")}}).status,
                 404);
        // The village agent of another centre cannot see it at all.
        QCOMPARE(as("agent2").post(supply, body, {{"If-Match", c.header("etag")}}).status, 404);

        r = as("clerk2").post(supply, body, {{"If-Match", c.header("etag")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("status").toString(), QStringLiteral("accepted"));
        QCOMPARE(r.object().value("version").toInt(), 2);
        QCOMPARE(r.header("etag"), QByteArray("\"2\""));
        const QJsonObject d = r.object().value("deficiencies").toArray()[0].toObject();
        QCOMPARE(d.value("status").toString(), QStringLiteral("supplied"));
        QCOMPARE(d.value("provided").toString(), QStringLiteral("scan"));
        QVERIFY(!d.value("suppliedAt").isNull());
        for (const auto &m : r.object().value("materials").toArray()) {
            if (m.toObject().value("code").toString() == "LABOR_CONTRACT")
                QCOMPARE(m.toObject().value("provided").toString(), QStringLiteral("scan"));
        }
        // The old version is stale now; and a supplied material cannot be supplied again.
        QCOMPARE(as("clerk1").post(supply, body, {{"If-Match", c.header("etag")}}).status, 412);
        r = as("clerk1").post(supply, body, {{"If-Match", "\"2\""}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("transition_refused"));
    }

    void deficiencyList()
    {
        // A fresh deficient case at a village centre.
        const ApiReply created = createCase("agent1", setMaterial(completeIntake("MR-001", "SZ-V01", "agent1"),
                                                                  "ADDRESS_PROOF", "deficient"));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value("deficiencies").toArray()[0].toObject().value("dueDate").toString(),
                 QStringLiteral("2026-12-02")); // 3 working days
        ApiReply r = as("agent1").get(api("/deficiencies?status=outstanding"));
        QCOMPARE(r.status, 200);
        QJsonArray items = r.object().value("items").toArray();
        QVERIFY(!items.isEmpty());
        for (const auto &item : items) {
            QCOMPARE(item.toObject().value("center").toString(), QStringLiteral("SZ-V01"));
            QCOMPARE(item.toObject().value("status").toString(), QStringLiteral("outstanding"));
            QVERIFY(item.toObject().value("caseNumber").toString().startsWith("SZ-V01-20261127-"));
        }
        r = as("clerk1").get(api("/deficiencies?status=outstanding&dueBefore=2026-12-03"));
        QVERIFY(codesOf(r.object().value("items").toArray(), "caseId").contains(created.object().value("id").toString()));
        for (const auto &item : r.object().value("items").toArray())
            QVERIFY(item.toObject().value("dueDate").toString() < "2026-12-03");
        QVERIFY(as("agent2").get(api("/deficiencies")).object().value("items").toArray().isEmpty());
        QCOMPARE(as("clerk1").get(api("/deficiencies?status=lost")).status, 422);
        QCOMPARE(as("clerk1").get(api("/deficiencies?dueBefore=soon")).status, 422);
        r = as("clerk1").get(api("/deficiencies?status=supplied"));
        QVERIFY(codesOf(r.object().value("items").toArray(), "caseId").contains(m_deficientCase));

        // By matter: each item names its case's matters.
        r = as("clerk1").get(api("/deficiencies?status=outstanding&matter=MR-001"));
        QCOMPARE(r.status, 200);
        QVERIFY(codesOf(r.object().value("items").toArray(), "caseId").contains(created.object().value("id").toString()));
        for (const auto &item : r.object().value("items").toArray())
            QVERIFY(item.toObject().value("matters").toArray().contains(QJsonValue("MR-001")));
        QVERIFY(as("clerk1").get(api("/deficiencies?matter=HF-999")).object().value("items").toArray().isEmpty());
        QCOMPARE(as("clerk1").get(api("/deficiencies?matter=x%25")).status, 422);

        // The counts agree with the lists (today is 2026-11-27, a Friday: the week ends on the 29th).
        const QJsonObject counts = as("clerk1").get(api("/deficiencies/counts")).object();
        QCOMPARE(counts.value("today").toString(), QStringLiteral("2026-11-27"));
        const auto listed = [&](const QString &query) {
            return static_cast<int>(as("clerk1").get(api("/deficiencies?limit=200&" + query)).object().value("items").toArray().size());
        };
        QCOMPARE(counts.value("outstanding").toInt(), listed("status=outstanding"));
        QCOMPARE(counts.value("overdue").toInt(), listed("status=overdue"));
        QCOMPARE(counts.value("supplied").toInt(), listed("status=supplied"));
        QCOMPARE(counts.value("dueToday").toInt(), listed("status=outstanding&dueBefore=2026-11-28"));
        QCOMPARE(counts.value("dueThisWeek").toInt(), listed("status=outstanding&dueBefore=2026-11-30"));
        QVERIFY(counts.value("outstanding").toInt() >= 1);
        // Scoped like the list: the other village centre sees none of these.
        const QJsonObject theirs = as("agent2").get(api("/deficiencies/counts")).object();
        QCOMPARE(theirs.value("outstanding").toInt(), listed("status=outstanding&center=SZ-V02"));
        QCOMPARE(as("clerk1").get(api("/deficiencies/counts?matter=bad%20code")).status, 422);
    }

    // A catalog edit is a new version; accepted cases keep the version they were accepted under.
    void catalogVersioning()
    {
        ApiReply r = as("admin").get(api("/matters/HF-001"));
        QJsonObject matter = r.object();
        QJsonArray materials = matter.value("materials").toArray();
        QJsonObject contract = materials[1].toObject();
        contract.insert("deficiencyAllowed", false);
        contract.insert("maxDeficiencyDays", 0);
        materials[1] = contract;
        matter.insert("materials", materials);
        // An intake answered under version 1, to be retried after the change.
        const QJsonObject deficient = setMaterial(completeIntake("HF-001", "SZ", "clerk1"), "LABOR_CONTRACT", "deficient");
        const QByteArray key = newKey().toUtf8();
        const ApiReply answered = createCase("clerk1", deficient, key);
        QCOMPARE(answered.status, 201);
        QCOMPARE(as("admin").put(api("/matters/HF-001"), toJson(matter)).status, 428);
        QCOMPARE(as("admin").put(api("/matters/HF-001"), toJson(matter), {{"If-Match", "\"9\""}}).status, 412);
        QJsonObject broken = matter;
        broken.insert("promisedDays", 30);
        QCOMPARE(as("admin").put(api("/matters/HF-001"), toJson(broken), {{"If-Match", r.header("etag")}}).status, 422);
        r = as("admin").put(api("/matters/HF-001"), toJson(matter), {{"If-Match", r.header("etag")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("version").toInt(), 2);
        QCOMPARE(r.object().value("initials").toString(), QStringLiteral("zfgjjjcdj"));

        const ApiReply old = as("clerk1").get(api("/cases/") + m_caseSZ);
        QCOMPARE(old.object().value("matters").toArray()[0].toObject().value("version").toInt(), 1);
        r = createCase("clerk1", setMaterial(completeIntake("HF-001", "SZ", "clerk1"), "LABOR_CONTRACT", "deficient"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.object().value("missing").toArray()[0].toObject().value("reason").toString(),
                 QStringLiteral("deficiency_not_allowed"));
        r = createCase("clerk1", completeIntake("HF-001", "SZ", "clerk1"));
        QCOMPARE(r.object().value("matters").toArray()[0].toObject().value("version").toInt(), 2);
        // The retry of an intake answered before the change gets the first answer, although the
        // same request would now be refused.
        r = createCase("clerk1", deficient, key);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(r.body, answered.body);
    }

    // An intake takes the calendar and the matters as its instance knew them a moment ago: a
    // change is seen at once by the instance that made it, and within a second by the others.
    void catalogChangesReachEveryInstance()
    {
        ServerProcess second;
        QVERIFY(startSecondInstance(second));
        HttpClient secondClient(second.baseUrl());
        QCOMPARE(secondClient.signIn("clerk1").status, 201);
        const QJsonObject body = setMaterial(completeIntake("MR-001", "SZ", "clerk1"), "ADDRESS_PROOF", "deficient");
        const auto dueOn = [&](HttpClient &client) {
            const ApiReply r = client.post(api("/cases"), toJson(body), {{"Idempotency-Key", newKey().toUtf8()}});
            if (r.status != 201)
                return QString::fromUtf8(r.body);
            return r.object().value("deficiencies").toArray()[0].toObject().value("dueDate").toString();
        };
        // Friday 27 November + 3 working days; both instances have read the calendar.
        QCOMPARE(dueOn(as("clerk1")), QStringLiteral("2026-12-02"));
        QCOMPARE(dueOn(secondClient), QStringLiteral("2026-12-02"));

        const auto setMonday = [&](bool working) {
            return as("admin").put(api("/calendar/2026-11-30"), toJson({{"working", working}, {"holiday", "test"}})).status;
        };
        QCOMPARE(setMonday(false), 200);
        QCOMPARE(dueOn(as("clerk1")), QStringLiteral("2026-12-03"));
        QTest::qWait(1100);
        QCOMPARE(dueOn(secondClient), QStringLiteral("2026-12-03"));

        QCOMPARE(setMonday(true), 200);
        QCOMPARE(dueOn(as("clerk1")), QStringLiteral("2026-12-02"));
        QTest::qWait(1100);
        QCOMPARE(dueOn(secondClient), QStringLiteral("2026-12-02"));
        QCOMPARE(second.stop(), 0);
    }

    void auditTrail()
    {
        ApiReply r = as("clerk1").get(api("/cases/") + m_deficientCase + "/audit");
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.object().value("items").toArray();
        QStringList actions = codesOf(items, "action");
        QCOMPARE(actions, (QStringList{"accept_with_deficiency", "deficiency_supplied", "complete_materials"}));
        QCOMPARE(items[0].toObject().value("actor").toString(), QStringLiteral("clerk1"));
        QCOMPARE(items[1].toObject().value("actor").toString(), QStringLiteral("clerk2"));
        r = as("auditor").get(api("/audit/verify"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("valid").toBool());
        QVERIFY(r.object().value("entries").toInt() > 10);
        QVERIFY(r.object().value("firstBrokenEntry").isNull());
    }

    void badInput()
    {
        ApiReply r = as("clerk1").post(api("/cases"), "{\"matters\": [", {{"Idempotency-Key", "bad-json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("malformed_json"));
        QCOMPARE(as("clerk1").post(api("/cases"), "[1,2]", {{"Idempotency-Key", "array"}}).status, 400);
        QCOMPARE(m_anon->post(api("/sessions"), "not json").status, 400);
        r = as("clerk1").post(api("/cases"), QByteArray(2 * 1024 * 1024, 'x'), {{"Idempotency-Key", "big"}});
        QCOMPARE(r.status, 413);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("payload_too_large"));
        r = as("clerk1").get(api("/no/such/thing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.object().value("code").toString(), QStringLiteral("not_found"));
        r = as("clerk1").del(api("/matters"));
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("GET, POST"));
        r = as("clerk1").get(api("/matters?q=") + QUrl::toPercentEncoding("'; DROP TABLE cases; --"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("items").toArray().size(), 0);
        QCOMPARE(as("clerk1").get(api("/cases/") + QUrl::toPercentEncoding("x' OR '1'='1")).status, 404);
        QJsonObject body = completeIntake("HF-001", "SZ", "clerk1");
        QJsonObject applicant = applicantPerson();
        applicant.insert("name", QStringLiteral("O'Brien\"; DROP TABLE cases; --"));
        body.insert("applicant", applicant);
        r = createCase("clerk1", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("applicant").toObject().value("name").toString(),
                 QStringLiteral("O'Brien\"; DROP TABLE cases; --"));
        QCOMPARE(as("clerk1").get(api("/cases?cursor=%%%")).status, 422);
        QCOMPARE(as("clerk1").get(api("/health")).status, 200);
    }

    // Case numbers come from the database: parallel intakes, on one instance and on two sharing
    // the database, never collide.
    void caseNumbersUnderConcurrency()
    {
        ServerProcess second;
        QVERIFY(startSecondInstance(second));
        HttpClient secondClient(second.baseUrl());
        QCOMPARE(secondClient.signIn("clerk2").status, 201);

        const QJsonObject body = completeIntake("HF-001", "SZ", "clerk1");
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 24; ++i) {
            const bool first = i % 2 == 0;
            QNetworkRequest request(QUrl((first ? m_server.baseUrl() : second.baseUrl()) + api("/cases")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization",
                                 "Bearer " + (first ? as("clerk1").token() : secondClient.token()).toUtf8());
            request.setRawHeader("Idempotency-Key", newKey().toUtf8());
            replies << network.post(request, toJson(body));
        }
        QStringList numbers;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000));
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            QVERIFY2(status == 201, answer.constData());
            numbers << QJsonDocument::fromJson(answer).object().value("number").toString();
            reply->deleteLater();
        }
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), numbers.size());
        QCOMPARE(second.stop(), 0);
    }

    // The overdue job, with the server restarted at a later date.
    void overdueAfterRestart()
    {
        QCOMPARE(m_server.stop(), 0);
        QString error;
        QVERIFY2(m_server.start({"--database", m_db.url(), "--demo", "--today", "2026-12-08"}, &error), qPrintable(error));
        m_users.clear();
        m_anon = std::make_unique<HttpClient>(m_server.baseUrl());
        // The job marks overdue first, then terminates what is past its grace period.
        QVERIFY(QTest::qWaitFor(
            [this] {
                return !as("agent1").get(api("/cases?status=terminated")).object().value("items").toArray().isEmpty();
            },
            10000));
        const ApiReply r = as("agent1").get(api("/deficiencies?status=overdue"));
        const QJsonObject overdue = r.object().value("items").toArray()[0].toObject();
        QCOMPARE(overdue.value("dueDate").toString(), QStringLiteral("2026-12-02"));
        const ApiReply audit = as("agent1").get(api("/cases/") + overdue.value("caseId").toString() + "/audit");
        const QStringList actions = codesOf(audit.object().value("items").toArray(), "action");
        QVERIFY(actions.contains("deficiency_overdue"));
        // MR-001's two working days of grace ended on 4 December: the case is terminated too.
        QVERIFY(actions.contains("terminate"));
        const ApiReply c = as("agent1").get(api("/cases/") + overdue.value("caseId").toString());
        QCOMPARE(c.object().value("status").toString(), QStringLiteral("terminated"));
        QCOMPARE(c.object().value("version").toInt(), 3);
        // A restart loads nothing twice.
        QCOMPARE(as("clerk1").get(api("/departments")).object().value("items").toArray().size(), 6);
    }

    // Editing the audit trail behind the server's back is detected.
    void tamperingDetected()
    {
        const QString sql = QStringLiteral("UPDATE audit_log SET detail = 'edited' WHERE seq = 3");
        if (m_db.kind() == TestDatabase::Kind::SQLite) {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "tamper");
            db.setDatabaseName(m_db.url().mid(7));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(sql));
            db.close();
        } else {
            const QString name = m_db.url().section('/', -1);
            QString admin = qEnvironmentVariable("ONEWINDOW_TEST_PG_ADMIN");
            admin.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + name);
            QProcess psql;
            // The triggers that keep audit_log append-only stop the application, not the
            // database's administrator, who can switch them off.
            psql.start("psql", {admin, "-v", "ON_ERROR_STOP=1", "-c",
                                "SET session_replication_role = replica; " + sql});
            QVERIFY(psql.waitForFinished(30000));
            QCOMPARE(psql.exitCode(), 0);
        }
        const ApiReply r = as("auditor").get(api("/audit/verify"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("valid").toBool(), false);
        QCOMPARE(r.object().value("firstBrokenEntry").toInt(), 3);
    }

    // HTTPS with the certificate and key given on the command line.
    void tls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem");
        const QString key = dir.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                                  "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out",
                                  cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QString error;
        const TestDatabase db = TestDatabase::create(m_db.kind(), dir.path(), &error);
        QVERIFY2(!db.url().isEmpty(), qPrintable(error));
        ServerProcess server;
        QVERIFY2(server.start({"--database", db.url(), "--tls-cert", cert, "--tls-key", key}, &error), qPrintable(error));
        QVERIFY(server.baseUrl().startsWith("https://"));

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(server.baseUrl() + api("/health")));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = network.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        // Verification stays on: without the certificate as a trusted CA the client refuses.
        QNetworkAccessManager fresh; // not the connection already trusted above
        QNetworkReply *untrusted = fresh.get(QNetworkRequest(QUrl(server.baseUrl() + api("/health"))));
        QVERIFY(QTest::qWaitFor([untrusted] { return untrusted->isFinished(); }, 30000));
        QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);
        delete untrusted;
        QCOMPARE(server.stop(), 0);
    }

    // SIGTERM lets a request in flight finish, then the server exits 0.
    void terminationFinishesRequestsInFlight()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server.baseUrl() + api("/sessions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        // Signing in runs the slow password hash: long enough to be in flight.
        QNetworkReply *reply =
            network.post(request, toJson({{"username", "supervisor1"}, {"password", "OneWindow-demo-1"}}));
        // Once the whole request is on the wire, give the server a moment to take it up.
        bool sent = false;
        connect(reply, &QNetworkReply::uploadProgress, this,
                [&sent](qint64 done, qint64 total) { sent = sent || (total > 0 && done == total); });
        QVERIFY(QTest::qWaitFor([&sent] { return sent; }, 10000));
        QTest::qWait(50);
        m_users.clear();
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        delete reply;
    }

    void cleanupTestCase()
    {
        m_users.clear();
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ServerApi)
#include "tst_serverapi.moc"
