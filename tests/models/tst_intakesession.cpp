// The intake's state without widgets, against a real server: validation, shared fields,
// electronic licences, completeness and the one-time notice, due dates, drafts, submission.
#include "models/apiclient.h"
#include "apisignin.h"
#include "models/intakesession.h"
#include "models/numberstock.h"
#include "models/syncengine.h"
#include "models/localstore.h"
#include "sampleintake.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow::models;

class tst_IntakeSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    ApiClient m_api;
    LocalStore m_store;
    QJsonArray m_calendar;
    const QDate m_today{2026, 11, 27};

    QJsonObject get(const QString &path)
    {
        QJsonObject result;
        bool done = false;
        m_api.get(path, [&](const ApiResponse &r) {
            result = r.object();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qFatal("no answer for %s", qPrintable(path));
        return result;
    }

    // An HF-001 intake for the demo applicant, matter and calendar loaded.
    void prepare(IntakeSession &session, const QStringList &matters = {"HF-001"}, const QString &bundle = {})
    {
        session.start("SZ");
        QJsonArray details;
        for (const QString &code : matters)
            details.append(get("/matters/" + code));
        session.setMatters(details, bundle);
        session.setCalendar(m_calendar);
        session.setApplicantField("name", QStringLiteral("张三"));
        session.setApplicantField("idNumber", "11010519491231002X");
        session.setApplicantField("phone", "13800138000");
    }

    // prepare(), then the form complete and the materials provided, the labour contract `how`.
    void prepareComplete(IntakeSession &session, const QString &how)
    {
        prepare(session);
        session.setFormValue("company_name", QStringLiteral("盛泽纺织"));
        session.setFormValue("deposit_base", "5000");
        session.setHeldLicenses({"ID_CARD"});
        session.setProvision("LABOR_CONTRACT", how);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations("en"));
        QString error;
        QVERIFY2(m_server.startDemo(m_dir.path(), &error), qPrintable(error));
        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QVERIFY(signInAndWait(m_api, "clerk1"));
        bool opened = false;
        m_store.open(m_dir.filePath("client.sqlite"), this, [&](const QString &e) { QVERIFY(e.isEmpty()); opened = true; });
        QVERIFY(QTest::qWaitFor([&] { return opened; }, 10000));
        m_calendar = get("/calendar?from=2026-11-01&to=2027-01-31").value("days").toArray();
        QVERIFY(!m_calendar.isEmpty());
    }

    void applicantValidatedAsTyped()
    {
        IntakeSession session(&m_api, &m_store);
        session.start("SZ");
        // The server's date (learned at sign-in), not this PC's.
        QCOMPARE(session.today(), m_today);
        QCOMPARE(session.applicantProblems().value("idNumber"), QStringLiteral("empty"));
        session.setApplicantField("idNumber", "11010519491231003X");
        QCOMPARE(session.applicantProblems().value("idNumber"), QStringLiteral("check_character"));
        session.setApplicantField("idNumber", "11010520300101001X");
        QCOMPARE(session.applicantProblems().value("idNumber"), QStringLiteral("birth_date"));
        session.setApplicantField("idNumber", "11010519491231002X");
        session.setApplicantField("phone", "12345");
        QCOMPARE(session.applicantProblems().value("phone"), QStringLiteral("invalid"));
        session.setApplicantField("phone", "13800138000");
        session.setApplicantField("name", QStringLiteral("张三"));
        QVERIFY(session.applicantProblems().isEmpty());
        session.setApplicantKind("organization");
        session.setApplicantField("creditCode", "91512081MA62K0261E");
        QCOMPARE(session.applicantProblems().value("creditCode"), QStringLiteral("check_character"));
        QCOMPARE(session.applicantProblems().value("legalRepresentative"), QStringLiteral("required"));
    }

    void sharedFieldsPrefilledFromTheCard()
    {
        IntakeSession session(&m_api, &m_store);
        prepare(session);
        session.applyIdentityCard({{"name", QStringLiteral("李四")}, {"idNumber", "440524188001010014"},
                                   {"address", QStringLiteral("盛泽镇舜湖西路 1 号")}});
        QCOMPARE(session.formValue("applicant_name"), QStringLiteral("李四"));
        QCOMPARE(session.formValue("applicant_id_number"), QStringLiteral("440524188001010014"));
        QCOMPARE(session.formValue("phone"), QStringLiteral("13800138000"));
        // A field the clerk changed is not overwritten by the applicant.
        session.setFormValue("applicant_name", QStringLiteral("李四（代办）"));
        session.setApplicantField("name", QStringLiteral("李肆"));
        QCOMPARE(session.formValue("applicant_name"), QStringLiteral("李四（代办）"));
        QVERIFY(session.formProblems().contains("company_name"));
        session.setFormValue("deposit_base", "lots");
        QCOMPARE(session.formProblems().value("deposit_base"), QStringLiteral("invalid"));
    }

    void completenessAndTheOneTimeNotice()
    {
        IntakeSession session(&m_api, &m_store);
        prepare(session);
        QCOMPARE(session.completeness(), IntakeSession::Completeness::RequiredMissing);
        auto notice = session.oneTimeNotice();
        QCOMPARE(notice.size(), 2);
        QCOMPARE(notice[0].code, QStringLiteral("ID_CARD"));
        QCOMPARE(notice[0].reason, QStringLiteral("core_missing"));
        QCOMPARE(notice[1].reason, QStringLiteral("required_missing"));

        // The applicant's electronic ID card covers ID_CARD.
        QVERIFY(!session.setProvision("ID_CARD", "e_license"));
        session.setHeldLicenses({"ID_CARD", "HOUSEHOLD_REGISTER"});
        QCOMPARE(session.materials()[0].provided, QStringLiteral("e_license"));
        QVERIFY(!session.setProvision("ID_CARD", "deficient")); // core
        QVERIFY(session.setProvision("LABOR_CONTRACT", "deficient"));
        QCOMPARE(session.completeness(), IntakeSession::Completeness::CompleteExceptTolerated);
        QCOMPARE(session.materials()[1].dueDate, QDate(2026, 12, 4));
        QVERIFY(session.oneTimeNotice().isEmpty());
        QVERIFY(session.setProvision("LABOR_CONTRACT", "paper"));
        QCOMPARE(session.completeness(), IntakeSession::Completeness::Complete);

        IntakeSession withdrawal(&m_api, &m_store);
        prepare(withdrawal, {"HF-002"});
        QVERIFY(withdrawal.setProvision("PURCHASE_CONTRACT", "paper"));
        notice = withdrawal.oneTimeNotice();
        QCOMPARE(notice.size(), 2);
        QCOMPARE(notice[0].code, QStringLiteral("ID_CARD"));
        QCOMPARE(notice[1].code, QStringLiteral("BANK_CARD"));
    }

    // The restaurant bundle as the server merges it: shared fields once, and no business licence,
    // which comes with the company's establishment; taken in without it.
    void bundleAsksLess()
    {
        IntakeSession session(&m_api, &m_store);
        prepare(session, {"MR-001", "MR-002", "MR-003"}, "B-OPEN-RESTAURANT");
        QVERIFY(session.fieldsSaved() > 0);
        QVERIFY(session.materialsSaved() > 0);
        QStringList keys;
        for (const auto &f : session.fields())
            keys << f.toObject().value("key").toString();
        QCOMPARE(keys.count("company_name"), 1);

        const QJsonObject bundle = get("/bundles/B-OPEN-RESTAURANT");
        QStringList serverKeys;
        for (const auto &f : bundle.value("fields").toArray())
            serverKeys << f.toObject().value("key").toString();
        QCOMPARE(keys, serverKeys);
        QStringList serverMaterials;
        for (const auto &m : bundle.value("materials").toArray())
            serverMaterials << m.toObject().value("code").toString();
        QStringList materials;
        for (const auto &m : session.materials())
            materials << m.code;
        QCOMPARE(materials, serverMaterials);
        QVERIFY(!materials.contains("BUSINESS_LICENSE"));
        const auto produced = session.producedMaterials();
        QCOMPARE(produced.size(), 1);
        QCOMPARE(produced[0].code, QStringLiteral("BUSINESS_LICENSE"));
        QCOMPARE(produced[0].name, QStringLiteral("营业执照"));
        QCOMPARE(produced[0].producedBy, QStringList{"MR-001"});
        const QJsonObject reduction = bundle.value("reduction").toObject();
        QCOMPARE(session.fieldsSaved(),
                 reduction.value("separateFields").toInt() - reduction.value("mergedFields").toInt());
        QCOMPARE(session.materialsSaved(),
                 reduction.value("separateMaterials").toInt() - reduction.value("mergedMaterials").toInt());
        QVERIFY(!session.setProvision("BUSINESS_LICENSE", "paper"));

        for (const auto &f : session.fields()) {
            const QString key = f.toObject().value("key").toString();
            if (session.formValue(key).isEmpty())
                session.setFormValue(key, sampleValue(f.toObject().value("type").toString()));
        }
        QVERIFY2(session.formProblems().isEmpty(), qPrintable(session.formProblems().keys().join(",")));
        for (const QString &code : materials)
            QVERIFY(session.setProvision(code, "paper"));
        QCOMPARE(session.completeness(), IntakeSession::Completeness::Complete);
        QSignalSpy submitted(&session, &IntakeSession::submitted);
        session.submit();
        QVERIFY(submitted.wait(30000));
        const QJsonObject created = submitted.at(0).at(0).toJsonObject();
        QCOMPARE(created.value("status").toString(), QStringLiteral("accepted"));
        QStringList caseMaterials;
        for (const auto &m : created.value("materials").toArray())
            caseMaterials << m.toObject().value("code").toString();
        QCOMPARE(caseMaterials, materials);
    }

    // Every change is a draft; a new session restores it exactly, as after a crash.
    void draftSurvives()
    {
        QString key;
        QJsonObject saved;
        {
            IntakeSession session(&m_api, &m_store);
            prepare(session);
            session.setHeldLicenses({"ID_CARD"});
            session.setProvision("LABOR_CONTRACT", "deficient");
            session.setFormValue("company_name", QStringLiteral("盛泽纺织"));
            session.setGreenChannel(true, QStringLiteral("市重点项目"));
            session.setStep(IntakeSession::Step::Materials);
            key = session.draftKey();
            saved = session.toJson();
        }
        m_store.flush();
        QJsonObject draft;
        bool done = false;
        m_store.draft(key, this, [&](const QJsonObject &d) { draft = d; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        IntakeSession resumed(&m_api, &m_store);
        QVERIFY(resumed.restore(draft));
        QCOMPARE(resumed.toJson(), saved);
        QCOMPARE(resumed.step(), IntakeSession::Step::Materials);
        QCOMPARE(resumed.formValue("company_name"), QStringLiteral("盛泽纺织"));
        QCOMPARE(resumed.materials()[1].dueDate, QDate(2026, 12, 4));
        QVERIFY(resumed.greenChannel());
        QCOMPARE(resumed.greenChannelReason(), QStringLiteral("市重点项目"));
        QVERIFY(!resumed.restore(QJsonObject{}));
    }

    // The server is down: the draft stays, and the retry with the same key creates one case.
    void submitRetriesWithTheSameKey()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl down(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();

        IntakeSession session(&m_api, &m_store);
        prepareComplete(session, "deficient");
        QVERIFY(session.formProblems().isEmpty());

        m_api.setBaseUrl(down);
        m_api.setMaxRetries(0);
        QSignalSpy failed(&session, &IntakeSession::submitFailed);
        session.submit();
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(1).toBool(), true);
        QStringList keys;
        bool done = false;
        m_store.draftKeys(this, [&](const QStringList &k) { keys = k; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY(keys.contains(session.draftKey()));

        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        QSignalSpy submitted(&session, &IntakeSession::submitted);
        session.submit();
        QVERIFY(submitted.wait(30000));
        const QJsonObject created = submitted.at(0).at(0).toJsonObject();
        QCOMPARE(created.value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        QCOMPARE(created.value("deficiencies").toArray()[0].toObject().value("dueDate").toString(),
                 QStringLiteral("2026-12-04"));
        // Submitting again (a double click, a retry) answers with the same case.
        session.submit();
        QVERIFY(submitted.wait(30000));
        QCOMPARE(submitted.at(1).at(0).toJsonObject().value("id"), created.value("id"));
        done = false;
        m_store.draftKeys(this, [&](const QStringList &k) { keys = k; done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY(!keys.contains(session.draftKey()));
    }

    // No network at the counter: the intake takes a reserved number and waits in the outbox
    // (again the same number if queued twice); back online, the SyncEngine sends it, once. With
    // no reserved number left, it is said so.
    void offlineIntakeQueuedThenSentOnce()
    {
        NumberStock stock(&m_api, &m_store, "SZ");
        bool stocked = false;
        stock.topUp(2, 5, [&](bool ok, const QString &) { stocked = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(stocked, 30000);
        IntakeSession session(&m_api, &m_store);
        prepareComplete(session, "deficient");
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        m_api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort())));
        closed.close();

        QSignalSpy queued(&session, &IntakeSession::queued);
        session.submitOffline(&stock);
        QVERIFY(queued.wait(10000));
        const QString number = queued.at(0).at(0).toString();
        QVERIFY2(number.startsWith("SZ-20261127-"), qPrintable(number));
        QCOMPARE(queued.at(0).at(1).toJsonObject().value("number").toString(), number);
        session.submitOffline(&stock);
        QVERIFY(queued.wait(10000));
        QCOMPARE(queued.at(1).at(0).toString(), number);

        m_api.setBaseUrl(QUrl(m_server.baseUrl()));
        SyncEngine engine(&m_api, &m_store);
        QSignalSpy idle(&engine, &SyncEngine::idle);
        QSignalSpy sent(&engine, &SyncEngine::sent);
        engine.syncNow();
        QVERIFY(idle.wait(30000));
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(1).toJsonObject().value("number").toString(), number);
        QCOMPARE(get("/cases?number=" + number).value("items").toArray().size(), 1);
        // The papers printed offline say what the server then recorded.
        const QJsonObject onServer = sent.at(0).at(1).toJsonObject();
        const QJsonObject printed = session.provisionalCase(queued.at(0).at(1).toJsonObject(), {"clerk1", {}, "clerk", "SZ", {}});
        QVERIFY(printed.value("pendingUpload").toBool());
        for (const char *key : {"number", "status", "acceptedAt", "promisedDueDate", "legalDueDate", "center", "channel"})
            QCOMPARE(printed.value(key), onServer.value(key));
        QCOMPARE(onServer.value("status").toString(), QStringLiteral("accepted_with_deficiency"));
        QCOMPARE(printed.value("deficiencies").toArray().at(0).toObject().value("dueDate"),
                 onServer.value("deficiencies").toArray().at(0).toObject().value("dueDate"));

        NumberStock empty(&m_api, &m_store, "SZ-V09");
        IntakeSession another(&m_api, &m_store);
        prepare(another);
        QSignalSpy failed(&another, &IntakeSession::submitFailed);
        another.submitOffline(&empty);
        QVERIFY(failed.wait(10000));
        const auto error = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(error.code, QStringLiteral("offline_no_number"));
        QVERIFY(error.userMessage().startsWith("No reserved case number is left on this PC"));
        QCOMPARE(failed.at(0).at(1).toBool(), false);
    }

    // Offline, a licence cannot be looked up: one the applicant shows is taken as offered (the
    // server checks it on sync); a material no licence covers is still not one.
    void offlineLicencesAreTakenAsOffered()
    {
        IntakeSession session(&m_api, &m_store);
        prepare(session);
        QVERIFY(!session.setProvision("ID_CARD", "e_license"));
        session.setOffline(true);
        QVERIFY(session.isOffline());
        QVERIFY(session.setProvision("ID_CARD", "e_license"));
        QVERIFY(!session.setProvision("LABOR_CONTRACT", "e_license"));
    }

    void refusedWithTheServersNotice()
    {
        IntakeSession session(&m_api, &m_store);
        prepare(session, {"HF-002"});
        QSignalSpy failed(&session, &IntakeSession::submitFailed);
        session.submit();
        QVERIFY(failed.wait(30000));
        const auto error = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(failed.at(0).at(1).toBool(), false);
        QCOMPARE(error.code, QStringLiteral("validation_failed")); // the form is empty too
    }

    // 绿色通道: refused without a reason, in words at the field; accepted with one, on the case.
    void greenChannelNeedsAReason()
    {
        IntakeSession session(&m_api, &m_store);
        prepareComplete(session, "paper");
        session.setGreenChannel(true, QStringLiteral("  "));
        QSignalSpy failed(&session, &IntakeSession::submitFailed);
        session.submit();
        QVERIFY(failed.wait(30000));
        const auto error = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(error.status, 422);
        QCOMPARE(error.fieldErrors.size(), 1);
        QCOMPARE(error.fieldErrors[0].field, QStringLiteral("greenChannelReason"));
        QVERIFY(!error.userMessage().isEmpty());
        session.setGreenChannel(true, QStringLiteral("市重点项目：新能源材料厂"));
        QSignalSpy submitted(&session, &IntakeSession::submitted);
        session.submit();
        QVERIFY(submitted.wait(30000));
        QVERIFY(submitted.at(0).at(0).toJsonObject().value("greenChannel").toBool());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_IntakeSession)
#include "tst_intakesession.moc"
